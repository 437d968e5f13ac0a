using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SeatGrpc.Client;
using SeatGrpc.Client.Internal;
using Seats.V1;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SeatGrpc client.</summary>
public static class SeatGrpcClientServiceCollectionExtensions
{
    private static readonly TimeSpan KeepAlivePing = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers <see cref="SeatService.SeatServiceClient"/> (inject it where needed) over one HTTP/2 connection pool: every
    /// call carries <c>authorization: Bearer {ApiKey}</c>; a unary call gets <see cref="SeatGrpcClientOptions.DefaultDeadline"/>
    /// when it sets none; a write gets a fresh <c>request_id</c> when it has none, so the retries of UNAVAILABLE and of
    /// ABORTED with reason CONTENTION are replayed by the server, never applied twice; reads retry on UNAVAILABLE; streams
    /// are never retried (follow events with <see cref="SeatEventFeed.FollowSeatEventsAsync"/>).
    /// </summary>
    /// <returns>The client's builder, for more of Grpc.Net.ClientFactory's configuration.</returns>
    public static IHttpClientBuilder AddSeatGrpcClient(this IServiceCollection services, Action<SeatGrpcClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SeatGrpcClientOptions>()
            .Configure(configure)
            .Validate(static o => o.Address is { IsAbsoluteUri: true, Scheme: "http" or "https" }, "SeatGrpcClientOptions.Address must be an absolute http:// or https:// URI.")
            .Validate(static o => o.DefaultDeadline > TimeSpan.Zero, "SeatGrpcClientOptions.DefaultDeadline must be positive.")
            .Validate(static o => o.MaxAttempts >= 1, "SeatGrpcClientOptions.MaxAttempts must be at least 1.")
            .Validate(static o => o.InitialBackoff > TimeSpan.Zero && o.MaxBackoff >= o.InitialBackoff, "SeatGrpcClientOptions backoffs must be positive, MaxBackoff at least InitialBackoff.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        return services
            .AddGrpcClient<SeatService.SeatServiceClient>((provider, factory) => factory.Address = OptionsOf(provider).Address)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                // One connection is not a ceiling under load, and idle connections stay up between bursts.
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = KeepAlivePing,
                KeepAlivePingTimeout = KeepAlivePing,
            })
            .AddHttpMessageHandler(static () => new ContentionOnlyRetryHandler())
            .ConfigureChannel(static (provider, channel) =>
            {
                var options = OptionsOf(provider);
                channel.ServiceConfig = options.MaxAttempts > 1 ? SeatRetryPolicy.Create(options) : null;
                channel.MaxRetryAttempts = Math.Max(options.MaxAttempts, channel.MaxRetryAttempts ?? 0);

                // The key goes as call credentials, which gRPC sends only over TLS unless told otherwise; an http://
                // address is cleartext HTTP/2 (h2c) by the caller's choice, inside a trusted network.
                channel.UnsafeUseInsecureChannelCallCredentials = options.Address?.Scheme == Uri.UriSchemeHttp;
            })
            .AddInterceptor(static provider =>
            {
                var options = OptionsOf(provider);
                return new CallDefaultsInterceptor(options.DefaultDeadline, options.WaitForReady, provider.GetRequiredService<TimeProvider>());
            })
            .AddInterceptor(static () => new RequestIdInterceptor())
            .AddCallCredentials(static (_, metadata, provider) =>
            {
                if (OptionsOf(provider).ApiKey is { Length: > 0 } key)
                {
                    metadata.Add("authorization", "Bearer " + key);
                }

                return Task.CompletedTask;
            });
    }

    private static SeatGrpcClientOptions OptionsOf(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<SeatGrpcClientOptions>>().Value;
}
