using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SeatGrpc.Domain;
using SeatGrpc.Service;
using SeatGrpc.Service.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="SeatGrpcService"/>, <see cref="ApiKeyGrpcService"/>, their store, API key authentication and the database health check.</summary>
public static class SeatServiceCollectionExtensions
{
    /// <summary>
    /// Adds the seat service: the store opened and migrated when the host starts, the allocator, the services (map them
    /// with <c>MapGrpcService&lt;SeatGrpcService&gt;()</c> and <c>MapGrpcService&lt;ApiKeyGrpcService&gt;()</c>), API key
    /// authentication with one authorization policy per scope (<see cref="SeatPolicies"/>), and the
    /// <see cref="SeatDatabaseHealthCheck"/>.
    /// </summary>
    public static IServiceCollection AddSeatService(this IServiceCollection services, Action<SeatServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new SeatServiceOptions();
        configure?.Invoke(options);

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SeatStore>();
        services.AddHostedService(provider => provider.GetRequiredService<SeatStore>());
        services.AddSingleton<CallGuard>();
        services.AddSingleton<ManageSeatsStream>();
        services.AddSingleton<EventStream>();
        services.AddSingleton(provider => new SeatGrpcService(
            provider.GetRequiredService<CallGuard>(),
            provider.GetRequiredService<SeatStore>(),
            provider.GetRequiredService<ManageSeatsStream>(),
            provider.GetRequiredService<EventStream>()));
        services.AddSingleton<ApiKeyCommands>();
        services.AddSingleton(provider => new ApiKeyGrpcService(provider.GetRequiredService<CallGuard>(), provider.GetRequiredService<ApiKeyCommands>()));
        services.AddApiKeyAuthentication();
        services.AddSingleton(provider => new SeatDatabaseHealthCheck(provider.GetRequiredService<SeatStore>()));
        services.AddHealthChecks().AddCheck<SeatDatabaseHealthCheck>(SeatDatabaseHealthCheck.Name, tags: ["database"]);
        return services;
    }

    private static void AddApiKeyAuthentication(this IServiceCollection services)
    {
        // Registered after the store, so the host starts it after the store: the keys are loaded before the first call.
        services.AddSingleton<ApiKeyCache>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiKeyCache>());

        // The core services only: AddAuthentication would add data protection too, which cookies need and keys do not.
        services.AddAuthenticationCore();
        services.AddWebEncoders();
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationScheme.Name, configureOptions: null);

        // No default scheme: the policies name theirs, so only the endpoints that demand a key run the handler, and
        // health checks (the trivial call the benchmarks measure) pay nothing for authentication.
        // ASP.NET Core makes a lone scheme the default by itself, unless the host sets the runtime switch
        // Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme (Directory.Build.props does).
        services.PostConfigure<AuthenticationOptions>(options => options.DefaultScheme = null);

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(KeyPolicy().Build())
            .AddPolicy(SeatPolicies.Read, KeyPolicy().RequireClaim(ApiKeyAuthenticationScheme.ScopeClaim, ApiKeyScopes.Read).Build())
            .AddPolicy(SeatPolicies.Write, KeyPolicy().RequireClaim(ApiKeyAuthenticationScheme.ScopeClaim, ApiKeyScopes.Write).Build())
            .AddPolicy(SeatPolicies.Admin, KeyPolicy().RequireClaim(ApiKeyAuthenticationScheme.ScopeClaim, ApiKeyScopes.Admin).Build());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationFailureWriter>();
        services.AddLogging(logging => logging.AddFilter(typeof(ApiKeyAuthenticationHandler).FullName, LogLevel.Warning));
    }

    private static AuthorizationPolicyBuilder KeyPolicy() =>
        new AuthorizationPolicyBuilder(ApiKeyAuthenticationScheme.Name).RequireAuthenticatedUser();
}
