namespace Grpc.Core;

/// <summary>A method's description without its message types.</summary>
public interface IMethod
{
    /// <summary>Gets the kind of the method.</summary>
    MethodType Type { get; }

    /// <summary>Gets the fully qualified service name, e.g. <c>seats.v1.SeatService</c>.</summary>
    string ServiceName { get; }

    /// <summary>Gets the unqualified method name, e.g. <c>GetSeat</c>.</summary>
    string Name { get; }

    /// <summary>Gets the path of the method, <c>/{ServiceName}/{Name}</c>.</summary>
    string FullName { get; }
}
