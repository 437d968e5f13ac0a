using Google.Protobuf.WellKnownTypes;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SeatGrpc.Server.OpenApi;

/// <summary>Describes the <c>@type</c> property that Grpc.Swagger gives google.protobuf.Any, which has no comment of its own.</summary>
internal sealed class AnySchemaFilter : ISchemaFilter
{
    private const string TypeProperty = "@type";

    public void Apply(OpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type == typeof(Any) && schema.Properties is { } properties && properties.TryGetValue(TypeProperty, out var property))
        {
            property.Description = "The type of the message whose fields follow, as a type URL: `type.googleapis.com/google.rpc.ErrorInfo`, for example.";
        }
    }
}
