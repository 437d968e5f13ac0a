using System.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Maps a generated service's methods to POST endpoints at <c>/{package.Service}/{Method}</c>, once at start-up.</summary>
internal static class GrpcRouting
{
    public const string ServiceRouteKey = "grpcUnimplementedService";
    public const string MethodRouteKey = "grpcUnimplementedMethod";
    private const string LoggerCategory = "SeatGrpc.Runtime.Server";

    public static GrpcServiceEndpointConventionBuilder MapService<TService>(IEndpointRouteBuilder builder)
        where TService : class
    {
        var services = builder.ServiceProvider;
        var catalog = services.GetService<GrpcMethodCatalog>()
            ?? throw new InvalidOperationException("Unable to find the gRPC services. Call 'services.AddGrpc()' before mapping gRPC services.");
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var options = ResolveOptions<TService>(services);
        var interceptors = new InterceptorActivator[options.Interceptors.Count];
        for (var i = 0; i < interceptors.Length; i++)
        {
            interceptors[i] = new InterceptorActivator(options.Interceptors[i], services);
        }

        var settings = new ServiceCallSettings(options, interceptors, logger);
        var (bindMethod, descriptor) = FindBindMethod(typeof(TService));
        var binder = new ServiceMethodBinder<TService>(settings, new ServiceActivator<TService>(services), descriptor);
        bindMethod.Invoke(null, [binder, null]);
        if (binder.Methods.Count == 0)
        {
            throw new InvalidOperationException($"The gRPC service '{typeof(TService)}' has no methods.");
        }

        var conventionBuilders = new List<IEndpointConventionBuilder>(binder.Methods.Count);
        foreach (var bound in binder.Methods)
        {
            catalog.Add(bound.Entry);
            conventionBuilders.Add(builder
                .MapPost(bound.Method.FullName, bound.RequestDelegate)
                .WithDisplayName($"gRPC - {bound.Method.FullName}")
                .WithMetadata(bound.Entry));
        }

        if (catalog.TryClaimFallback(builder))
        {
            MapUnimplemented(builder, catalog, logger);
        }

        return new GrpcServiceEndpointConventionBuilder(conventionBuilders);
    }

    private static GrpcServiceOptions<TService> ResolveOptions<TService>(IServiceProvider services)
        where TService : class
    {
        var global = services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var options = new GrpcServiceOptions<TService>();
        global.CopyTo(options);
        foreach (var configure in services.GetServices<IConfigureOptions<GrpcServiceOptions<TService>>>())
        {
            configure.Configure(options);
        }

        return options;
    }

    private static (MethodInfo BindMethod, ServiceDescriptor? Descriptor) FindBindMethod(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            var attribute = type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false);
            if (attribute is null)
            {
                continue;
            }

            var bindMethod = attribute.BindType
                .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == attribute.BindMethodName && IsBinderSignature(m, type))
                ?? throw new InvalidOperationException(
                    $"Could not find the method '{attribute.BindMethodName}(ServiceBinderBase, {type.Name})' on '{attribute.BindType}'.");
            var descriptor = attribute.BindType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ServiceDescriptor;
            return (bindMethod, descriptor);
        }

        throw new InvalidOperationException(
            $"Could not find a [BindServiceMethod] attribute on '{serviceType}' or its base types. Derive the service from a generated service base class.");
    }

    private static bool IsBinderSignature(MethodInfo method, Type serviceBase)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 2
            && parameters[0].ParameterType == typeof(ServiceBinderBase)
            && parameters[1].ParameterType.IsAssignableFrom(serviceBase);
    }

    private static void MapUnimplemented(IEndpointRouteBuilder builder, GrpcMethodCatalog catalog, ILogger logger)
    {
        var constraint = new GrpcContentTypeConstraint();
        var pattern = RoutePatternFactory.Parse(
            $"{{{ServiceRouteKey}}}/{{{MethodRouteKey}}}",
            defaults: null,
            parameterPolicies: new RouteValueDictionary { [ServiceRouteKey] = constraint, [MethodRouteKey] = constraint });
        var handler = new UnimplementedCallHandler(catalog, logger);
        builder.Map(pattern, handler.HandleCallAsync)
            .WithDisplayName("gRPC - unimplemented")
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Post]), UnimplementedFallbackPolicy.FallbackMetadata)
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
    }
}
