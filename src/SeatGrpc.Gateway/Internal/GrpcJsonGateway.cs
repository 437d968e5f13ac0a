using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeatGrpc.Runtime;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// The gateway built once from the catalog: its routes, its request handler and its OpenAPI
/// document. Building it binds every HTTP rule, so a bad rule fails start-up.
/// </summary>
internal sealed class GrpcJsonGateway
{
    private readonly Lazy<byte[]> _openApi;

    public GrpcJsonGateway(GrpcMethodCatalog catalog, IOptions<GrpcJsonGatewayOptions> options, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        var logger = loggerFactory.CreateLogger("SeatGrpc.Gateway");
        var routes = HttpRuleBinder.Bind(catalog.Methods);
        Table = new GatewayRouteTable(routes);
        var files = catalog.Methods
            .Where(entry => entry.Descriptor is not null)
            .Select(entry => entry.Descriptor!.File)
            .Distinct();
        Json = new GatewayJson(files, settings.FormatDefaultValues);
        Handler = new GatewayRequestHandler(Table, Json, settings.MaxRequestBodySize, settings.ErrorDomain, logger);
        _openApi = new Lazy<byte[]>(() => new OpenApiDocumentBuilder(settings, ProtoComments.FromDescriptorSets(settings.SourceInfoDescriptorSets)).Build(Table.Routes));
        GatewayLog.RoutesBound(logger, routes.Count, routes.Select(route => route.RpcName).Distinct().Count());
    }

    public GatewayRouteTable Table { get; }

    public GatewayJson Json { get; }

    public GatewayRequestHandler Handler { get; }

    /// <summary>The OpenAPI 3 document as UTF-8 JSON, built on first use.</summary>
    public byte[] OpenApiDocument => _openApi.Value;
}
