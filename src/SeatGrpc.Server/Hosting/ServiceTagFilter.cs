using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SeatGrpc.Server.Hosting;

/// <summary>Tidies the service comment that Grpc.Swagger gives the service's tag, as the operations' comments.</summary>
internal sealed class ServiceTagFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        foreach (var tag in swaggerDoc.Tags ?? [])
        {
            if (tag.Description is { } description)
            {
                tag.Description = ProtoComment.Normalize(description);
            }
        }
    }
}
