namespace SeatGrpc.Runtime;

/// <summary>
/// Every gRPC method mapped with <c>MapGrpcService</c>, for other transports (the REST gateway) to run
/// through the same interceptors, handler and error mapping. A singleton registered by <c>AddGrpc</c>;
/// filled while endpoints are mapped, read-only afterwards.
/// </summary>
public sealed class GrpcMethodCatalog
{
    private readonly List<GrpcMethodEntry> _methods = [];
    private readonly Dictionary<string, GrpcMethodEntry> _byFullName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _serviceNames = new(StringComparer.Ordinal);
    private readonly HashSet<object> _fallbackRouteBuilders = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _lock = new();

    /// <summary>Gets the mapped methods, in the order they were mapped.</summary>
    public IReadOnlyList<GrpcMethodEntry> Methods
    {
        get
        {
            lock (_lock)
            {
                return _methods.ToArray();
            }
        }
    }

    /// <summary>Finds a method by its full name.</summary>
    /// <param name="fullName">The full name, <c>/package.Service/Method</c> (the leading slash is optional).</param>
    /// <returns>The method, or null.</returns>
    public GrpcMethodEntry? Find(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var key = fullName.StartsWith('/') ? fullName : "/" + fullName;
        lock (_lock)
        {
            return _byFullName.GetValueOrDefault(key);
        }
    }

    internal bool HasService(string serviceName)
    {
        lock (_lock)
        {
            return _serviceNames.Contains(serviceName);
        }
    }

    internal void Add(GrpcMethodEntry entry)
    {
        lock (_lock)
        {
            if (!_byFullName.TryAdd(entry.Method.FullName, entry))
            {
                throw new InvalidOperationException($"The gRPC method '{entry.Method.FullName}' is already mapped.");
            }

            _methods.Add(entry);
            _serviceNames.Add(entry.Method.ServiceName);
        }
    }

    // The unimplemented fallback is mapped once per route builder, by the first MapGrpcService on it.
    internal bool TryClaimFallback(object routeBuilder)
    {
        lock (_lock)
        {
            return _fallbackRouteBuilders.Add(routeBuilder);
        }
    }
}
