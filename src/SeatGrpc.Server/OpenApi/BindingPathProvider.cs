using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SeatGrpc.Server.Hosting;

namespace SeatGrpc.Server.OpenApi;

/// <summary>
/// Gives each <c>google.api.http</c> binding its own OpenAPI path. Grpc.Swagger writes a variable as one
/// parameter, so <c>/v1/{parent=subscriptions/*}/seats</c> and its <c>orders/*</c> binding are both
/// <c>v1/{parent}/seats</c>, which Swashbuckle rejects as a conflicting method/path; this runs after it and
/// writes out the variables' own segments instead (<see cref="OpenApiPath"/>).
/// </summary>
internal sealed class BindingPathProvider : IApiDescriptionProvider
{
    /// <summary>After Grpc.Swagger's provider (-900).</summary>
    public int Order => -800;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        // OpenAPI holds paths that differ only in parameter names to be one path (GET /v1/subscriptions/{name},
        // PUT /v1/subscriptions/{pool.name}); such bindings take the names of the first, by method name.
        var pathsByShape = new Dictionary<string, string>(StringComparer.Ordinal);
        var bindings = context.Results
            .Select(description => (Description: description, Metadata: description.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault()))
            .Where(binding => binding.Metadata is not null)
            .OrderBy(binding => binding.Metadata!.MethodDescriptor.FullName, StringComparer.Ordinal);
        foreach (var (description, metadata) in bindings)
        {
            if (HttpTemplate.Template(metadata!.HttpRule) is not { } template)
            {
                continue;
            }

            var path = OpenApiPath.Resolve(template, metadata.MethodDescriptor.InputType);
            if (!pathsByShape.TryAdd(OpenApiPath.Shape(path), path))
            {
                var first = pathsByShape[OpenApiPath.Shape(path)];
                Rename(description, OpenApiPath.ParameterNames(path).Zip(OpenApiPath.ParameterNames(first)));
                path = first;
            }

            description.RelativePath = path;
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    private static void Rename(ApiDescription description, IEnumerable<(string From, string To)> names)
    {
        foreach (var (from, to) in names)
        {
            foreach (var parameter in description.ParameterDescriptions.Where(p => p.Source == BindingSource.Path && p.Name == from))
            {
                parameter.Name = to;
            }
        }
    }
}
