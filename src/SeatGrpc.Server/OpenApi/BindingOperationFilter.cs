using Google.Api;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.OpenApi.Models;
using SeatGrpc.Server.Hosting;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SeatGrpc.Server.OpenApi;

/// <summary>
/// Completes each binding's operation: an id (<c>SeatService_AssignSeat</c>; <c>_2</c>, <c>_3</c> for additional
/// bindings), the RPC comment's first paragraph as summary and all of it as description (Grpc.Swagger puts all of it
/// in the summary), and on a path parameter that fills a wildcard, which part of the resource name it takes.
/// </summary>
internal sealed class BindingOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault();
        if (metadata is null || HttpTemplate.Template(metadata.HttpRule) is not { } template)
        {
            return;
        }

        var method = metadata.MethodDescriptor;
        var binding = HttpTemplate.Bindings(method).ToList().FindIndex(rule => IsSameBinding(rule, metadata.HttpRule));
        operation.OperationId = $"{method.Service.Name}_{method.Name}" + (binding > 0 ? $"_{binding + 1}" : string.Empty);

        if (operation.Summary is { } comment)
        {
            operation.Description = ProtoComment.Normalize(comment);
            operation.Summary = ProtoComment.FirstParagraph(operation.Description);
        }

        DescribeWildcards(operation, template, context.ApiDescription.RelativePath ?? string.Empty);
    }

    private static bool IsSameBinding(HttpRule rule, HttpRule other) =>
        rule.PatternCase == other.PatternCase && HttpTemplate.Template(rule) == HttpTemplate.Template(other);

    /// <summary>The path's parameter names follow the template's variables in order (<see cref="BindingPathProvider"/>).</summary>
    private static void DescribeWildcards(OpenApiOperation operation, string template, string path)
    {
        foreach (var (variable, name) in HttpTemplate.Variables(template).Zip(OpenApiPath.ParameterNames(path)))
        {
            var parameter = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == name);
            if (parameter is not null && variable.HasOneWildcard)
            {
                parameter.Description = $"{parameter.Description} In this path, only the part that fills `*` in `{variable.Pattern}`.".TrimStart();
            }
        }
    }
}
