namespace Grpc.Core;

public abstract partial class ClientBase
{
    /// <summary>What a generated client passes to <c>NewInstance</c> to create a copy of itself.</summary>
    protected internal sealed class ClientBaseConfiguration
    {
        internal ClientBaseConfiguration(CallInvoker callInvoker)
        {
            ArgumentNullException.ThrowIfNull(callInvoker);
            CallInvoker = callInvoker;
        }

        /// <summary>Gets the invoker the client's calls go through.</summary>
        internal CallInvoker CallInvoker { get; }
    }
}
