using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Client;

namespace SeatGrpc.Client.Tests.Infrastructure;

/// <summary>A calling service's container with <c>AddSeatGrpcClient</c>, as the README shows it.</summary>
internal sealed class ClientServices : IDisposable
{
    private readonly ServiceProvider _provider;

    public ClientServices(Uri address, Action<SeatGrpcClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSeatGrpcClient(options =>
        {
            options.Address = address;
            configure?.Invoke(options);
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>A client, as injected into a calling service.</summary>
    public SeatService.SeatServiceClient Client => _provider.GetRequiredService<SeatService.SeatServiceClient>();

    public void Dispose() => _provider.Dispose();
}
