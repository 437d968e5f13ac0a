using System.Collections;

namespace SeatGrpc.Runtime.Health;

/// <summary>The services whose gRPC health status the health checks drive, one mapping per name.</summary>
public sealed class ServiceMappingCollection : IEnumerable<ServiceMapping>
{
    private readonly Dictionary<string, ServiceMapping> _mappings = new(StringComparer.Ordinal);

    /// <summary>Gets the number of mappings.</summary>
    public int Count => _mappings.Count;

    /// <summary>Maps a service to the results <paramref name="predicate"/> selects, replacing any mapping of that name.</summary>
    /// <param name="name">The fully qualified service name, or "" for the whole server.</param>
    /// <param name="predicate">Selects the results that count; e.g. <c>r => r.Tags.Contains("db")</c>.</param>
    /// <returns>This collection.</returns>
    public ServiceMappingCollection Map(string name, Func<HealthResult, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(predicate);
        _mappings[name] = new ServiceMapping(name, predicate);
        return this;
    }

    /// <summary>Removes a service's mapping.</summary>
    /// <param name="name">The service name.</param>
    /// <returns>True when a mapping was removed.</returns>
    public bool Remove(string name) => _mappings.Remove(name);

    /// <summary>Removes every mapping, including the default one for "".</summary>
    public void Clear() => _mappings.Clear();

    /// <summary>Tells whether a service has a mapping.</summary>
    /// <param name="name">The service name.</param>
    /// <returns>True when it has one.</returns>
    public bool Contains(string name) => _mappings.ContainsKey(name);

    /// <inheritdoc />
    public IEnumerator<ServiceMapping> GetEnumerator() => _mappings.Values.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
