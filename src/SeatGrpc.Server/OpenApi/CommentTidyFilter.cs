using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Services;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SeatGrpc.Server.OpenApi;

/// <summary>
/// Tidies every description of the document (<see cref="ProtoComment.Normalize"/>): the XML docs keep the
/// indentation of a comment's blank lines, which Swashbuckle leaves in.
/// </summary>
internal sealed class CommentTidyFilter : OpenApiVisitorBase, IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context) => new OpenApiWalker(this).Walk(swaggerDoc);

    public override void Visit(OpenApiTag tag) => tag.Description = Tidy(tag.Description);

    public override void Visit(OpenApiOperation operation) => operation.Description = Tidy(operation.Description);

    public override void Visit(OpenApiParameter parameter) => parameter.Description = Tidy(parameter.Description);

    public override void Visit(OpenApiSchema schema) => schema.Description = Tidy(schema.Description);

    private static string? Tidy(string? description) => description is null ? null : ProtoComment.Normalize(description);
}
