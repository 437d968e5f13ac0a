namespace Grpc.Core;

/// <summary>
/// A service's methods and their handlers, as built by the generated <c>BindService(TServiceBase)</c>.
/// A host reads it through <see cref="BindService(ServiceBinderBase)"/>.
/// </summary>
public sealed partial class ServerServiceDefinition
{
    // Each action replays one AddMethod call with its static types, so no reflection is needed to bind.
    private readonly IReadOnlyList<Action<ServiceBinderBase>> _addMethodActions;

    private ServerServiceDefinition(IReadOnlyList<Action<ServiceBinderBase>> addMethodActions)
    {
        _addMethodActions = addMethodActions;
    }

    /// <summary>Creates a builder.</summary>
    /// <returns>A new builder.</returns>
    public static Builder CreateBuilder() => new();

    /// <summary>Passes every method and its handler, in the order they were added, to <paramref name="serviceBinder"/>.</summary>
    /// <param name="serviceBinder">The binder that receives the methods.</param>
    internal void BindService(ServiceBinderBase serviceBinder)
    {
        ArgumentNullException.ThrowIfNull(serviceBinder);
        foreach (var addMethod in _addMethodActions)
        {
            addMethod(serviceBinder);
        }
    }
}
