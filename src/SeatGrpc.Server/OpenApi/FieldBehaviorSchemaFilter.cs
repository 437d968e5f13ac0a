using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi.Models;
using SeatGrpc.Server.Hosting;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SeatGrpc.Server.OpenApi;

/// <summary>
/// What XML comments cannot carry into a message's schema: <c>readOnly</c> for OUTPUT_ONLY fields and
/// <c>required</c> for REQUIRED ones, from <c>google.api.field_behavior</c>. A REQUIRED field that a binding takes
/// from the path (AssignSeatRequest.parent) is not required in the body.
/// </summary>
internal sealed class FieldBehaviorSchemaFilter : ISchemaFilter
{
    private readonly ProtoTypes _types;
    private readonly HashSet<FieldDescriptor> _pathFields;

    public FieldBehaviorSchemaFilter(ProtoTypes types, Google.Protobuf.Reflection.ServiceDescriptor service)
    {
        _types = types;
        _pathFields = service.Methods
            .SelectMany(method => HttpTemplate.Bindings(method)
                .Select(HttpTemplate.Template)
                .OfType<string>()
                .SelectMany(HttpTemplate.Variables)
                .Select(variable => OpenApiPath.Fields(method.InputType, variable.FieldPath)[^1]))
            .ToHashSet();
    }

    public void Apply(OpenApiSchema schema, SchemaFilterContext context)
    {
        if (_types.Message(context.Type) is not { } message || schema.Properties is null)
        {
            return;
        }

        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var behavior = field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior);
            if (behavior is null || !schema.Properties.TryGetValue(field.JsonName, out var property))
            {
                continue;
            }

            property.ReadOnly |= behavior.Contains(FieldBehavior.OutputOnly);
            if (behavior.Contains(FieldBehavior.Required) && !_pathFields.Contains(field))
            {
                schema.Required.Add(field.JsonName);
            }
        }
    }
}
