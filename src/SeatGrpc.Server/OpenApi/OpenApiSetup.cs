using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi.Models;
using Seats.V1;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SeatGrpc.Server.OpenApi;

/// <summary>
/// The OpenAPI document of the REST routes at <c>/openapi.json</c> and Swagger UI at <c>/swagger</c>: Grpc.Swagger and
/// Swashbuckle, described with the proto comments that the contract's XML docs carry, plus our pieces at their seams.
/// </summary>
internal static class OpenApiSetup
{
    /// <summary>Where the document is served.</summary>
    public const string DocumentPath = "/openapi.json";

    // Swashbuckle's route must name the document; naming the only one "openapi" makes its path /openapi.json.
    private const string DocumentName = "openapi";
    private const string DocumentRoute = "/{documentName}.json";
    private const string BearerScheme = "apiKey";

    /// <summary>The contract's comments, then those of google.rpc.Status and google.protobuf.Any (the error body).</summary>
    private static readonly string[] CommentFiles = ["SeatGrpc.Contracts.xml", "Google.Api.CommonProtos.xml", "Google.Protobuf.xml"];

    public static IServiceCollection AddSeatOpenApi(this IServiceCollection services)
    {
        services.AddGrpcSwagger();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, BindingPathProvider>());
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "SeatGrpc",
                Version = "v1",
                Description = "Seats of seat-based subscriptions and orders: the REST/JSON transcoding of seats.v1.SeatService.",
            });
            foreach (var file in CommentFiles.Select(name => Path.Combine(AppContext.BaseDirectory, name)).Where(File.Exists))
            {
                options.IncludeXmlComments(file);
                options.IncludeGrpcXmlComments(file, includeControllerXmlComments: true);
            }

            var types = new ProtoTypes(SeatService.Descriptor.File);
            options.CustomSchemaIds(types.SchemaId);

            // A message-typed field's comment sits beside its $ref only inside an allOf (OpenAPI 3.0 ignores $ref's siblings).
            options.UseAllOfToExtendReferenceSchemas();

            // Their proto3 JSON forms: an RFC 3339 string, and any JSON value (Any's other fields).
            options.MapType<Timestamp>(() => new OpenApiSchema { Type = "string", Format = "date-time" });
            options.MapType<Value>(() => new OpenApiSchema());

            options.AddSchemaFilterInstance(new FieldBehaviorSchemaFilter(types, SeatService.Descriptor));
            options.AddSchemaFilterInstance(new AnySchemaFilter());
            options.AddOperationFilterInstance(new BindingOperationFilter());
            options.AddDocumentFilterInstance(new CommentTidyFilter());

            // Every route needs an API key (authorization: Bearer <key>); Swagger UI's Authorize button sends it.
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key, sk_{id}_{secret}: the one the server printed on its first start, or one from `seatgrpc keys create`.",
            });
            options.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = BearerScheme } }] = [],
            });
        });
        return services;
    }

    private const string SwaggerUiPath = "/swagger";

    public static WebApplication MapSeatOpenApi(this WebApplication app)
    {
        app.MapSwagger(DocumentRoute);
        // Swagger UI matches its paths with regular expressions; a segment check keeps that off every other request.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(SwaggerUiPath, StringComparison.Ordinal),
            branch => branch.UseSwaggerUI(options =>
            {
                options.RoutePrefix = SwaggerUiPath[1..];
                options.SwaggerEndpoint(DocumentPath, "SeatGrpc v1");

                // Links to an operation (/swagger/index.html#/SeatService/SeatService_AssignSeat) open it.
                options.EnableDeepLinking();
            }));
        return app;
    }
}
