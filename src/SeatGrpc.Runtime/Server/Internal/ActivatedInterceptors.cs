using Grpc.Core.Interceptors;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>The interceptors of one call, and which of them the runtime must dispose afterwards.</summary>
internal sealed class ActivatedInterceptors
{
    private readonly Interceptor[] _interceptors;
    private readonly bool[] _created;

    public ActivatedInterceptors(InterceptorActivator[] activators, IServiceProvider services)
    {
        _interceptors = new Interceptor[activators.Length];
        _created = new bool[activators.Length];
        for (var i = 0; i < activators.Length; i++)
        {
            _interceptors[i] = activators[i].Create(services, out _created[i]);
        }
    }

    public int Count => _interceptors.Length;

    public Interceptor this[int index] => _interceptors[index];

    public async ValueTask ReleaseAsync()
    {
        for (var i = 0; i < _interceptors.Length; i++)
        {
            if (_created[i])
            {
                await InterceptorActivator.ReleaseAsync(_interceptors[i]).ConfigureAwait(false);
            }
        }
    }
}
