using System.Diagnostics.CodeAnalysis;

namespace Grpc.Core;

/// <summary>
/// Placed by the code generator on a service base class; names the static
/// <c>BindService(ServiceBinderBase, TService)</c> method that registers the service's methods.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BindServiceMethodAttribute : Attribute
{
    // The binding method is found by reflection, so trimming must keep it.
    private const DynamicallyAccessedMemberTypes BindMethods =
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods;

    /// <summary>Initializes a new instance of the <see cref="BindServiceMethodAttribute"/> class.</summary>
    /// <param name="bindType">The type that declares the binding method.</param>
    /// <param name="bindMethodName">The name of the binding method.</param>
    public BindServiceMethodAttribute([DynamicallyAccessedMembers(BindMethods)] Type bindType, string bindMethodName)
    {
        ArgumentNullException.ThrowIfNull(bindType);
        ArgumentNullException.ThrowIfNull(bindMethodName);
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    /// <summary>Gets the type that declares the binding method.</summary>
    [DynamicallyAccessedMembers(BindMethods)]
    public Type BindType { get; }

    /// <summary>Gets the name of the binding method.</summary>
    public string BindMethodName { get; }
}
