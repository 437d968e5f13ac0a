namespace SeatGrpc.Gateway;

/// <summary>Options of the REST/JSON gateway.</summary>
public sealed class GrpcJsonGatewayOptions
{
    /// <summary>The default <see cref="MaxRequestBodySize"/>: 4 MiB, the gRPC receive limit.</summary>
    public const long DefaultMaxRequestBodySize = 4 * 1024 * 1024;

    /// <summary>
    /// The largest JSON request body read; a larger one is answered 413 with a
    /// <c>RESOURCE_EXHAUSTED</c> status body. Defaults to 4 MiB.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = DefaultMaxRequestBodySize;

    /// <summary>
    /// Whether responses include fields at their default value (<c>"availableSeats": 0</c>,
    /// <c>"nextPageToken": ""</c>). Defaults to <see langword="true"/>, unlike gRPC JSON
    /// transcoding, so that a zero count is visible rather than absent.
    /// </summary>
    public bool FormatDefaultValues { get; set; } = true;

    /// <summary>
    /// The ErrorInfo <c>domain</c> of the errors the gateway answers itself (an unknown route or query
    /// parameter, a bad body...), so that they carry an ErrorInfo like the service's own. Defaults to
    /// <c>grpc-json-gateway</c>; a host sets its service's domain.
    /// </summary>
    public string ErrorDomain { get; set; } = "grpc-json-gateway";

    /// <summary>Where the OpenAPI 3 document is served; <see langword="null"/> serves none. Defaults to <c>/openapi.json</c>.</summary>
    public string? OpenApiPath { get; set; } = "/openapi.json";

    /// <summary>The <c>info.title</c> of the OpenAPI document.</summary>
    public string OpenApiTitle { get; set; } = "REST API";

    /// <summary>The <c>info.version</c> of the OpenAPI document.</summary>
    public string OpenApiVersion { get; set; } = "v1";

    /// <summary>
    /// Serialized <c>google.protobuf.FileDescriptorSet</c>s built with source info
    /// (<c>protoc --include_source_info --include_imports --descriptor_set_out</c>). Generated C#
    /// descriptors carry no comments; with these the OpenAPI document describes operations,
    /// schemas and fields with their proto comments. Optional.
    /// </summary>
    public IList<byte[]> SourceInfoDescriptorSets { get; } = [];
}
