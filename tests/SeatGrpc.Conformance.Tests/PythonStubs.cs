using SeatGrpc.Testing;

namespace SeatGrpc.Conformance.Tests;

/// <summary>
/// Generates the Python stubs conformance_client.py imports, once per test run, into a temporary directory:
/// protoc --python_out and --grpc_out with grpc_python_plugin (grpc_tools is not a Debian package).
/// </summary>
internal static class PythonStubs
{
    private static readonly TimeSpan ProtocTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<Task<string>> Directory = new(GenerateAsync);
    private static readonly Lazy<Task<string>> SeatsDirectory = new(GenerateSeatsAsync);

    public static Task<string> GetDirectoryAsync() => Directory.Value;

    /// <summary>Stubs of seats.v1 (SeatService and ApiKeyService) for seats_auth_client.py, as importable packages.</summary>
    public static Task<string> GetSeatsDirectoryAsync() => SeatsDirectory.Value;

    private static async Task<string> GenerateAsync()
    {
        var stubs = System.IO.Directory.CreateTempSubdirectory("seatgrpc-conformance-stubs-").FullName;

        // health.proto and reflection.proto would become modules under grpc/, shadowing the grpc package;
        // copied to the top level of an include directory, they become health_pb2 and reflection_pb2.
        var flat = Path.Combine(stubs, "include");
        System.IO.Directory.CreateDirectory(flat);
        File.Copy(Path.Combine(RepositoryPaths.ThirdPartyProtos, "grpc", "health", "v1", "health.proto"), Path.Combine(flat, "health.proto"));
        File.Copy(Path.Combine(RepositoryPaths.ThirdPartyProtos, "grpc", "reflection", "v1", "reflection.proto"), Path.Combine(flat, "reflection.proto"));

        var plugin = $"--plugin=protoc-gen-grpc={RequiresToolFactAttribute.Require(typeof(PythonGrpcProbe), PythonGrpcProbe.GrpcPythonPlugin)}";
        await ProtocAsync([$"-I{RepositoryPaths.EchoProtos}", $"--python_out={stubs}", $"--grpc_out={stubs}", plugin, "echo.proto"]);
        await ProtocAsync([$"-I{flat}", $"--python_out={stubs}", $"--grpc_out={stubs}", plugin, "health.proto", "reflection.proto"]);
        await ProtocAsync([$"-I{Path.Combine(RepositoryPaths.ThirdPartyProtos, "google", "rpc")}", $"--python_out={stubs}", "status.proto", "error_details.proto"]);
        return stubs;
    }

    // The contract with its imports, each at its package path (seats/v1, google/api, google/rpc): `google` is a namespace
    // package, so google.api and google.rpc from here join google.protobuf from the system's python3-protobuf.
    private static async Task<string> GenerateSeatsAsync()
    {
        var stubs = System.IO.Directory.CreateTempSubdirectory("seatgrpc-seats-stubs-").FullName;
        var plugin = $"--plugin=protoc-gen-grpc={RequiresToolFactAttribute.Require(typeof(PythonGrpcProbe), PythonGrpcProbe.GrpcPythonPlugin)}";
        await ProtocAsync(
        [
            $"-I{RepositoryPaths.Protos}", $"-I{RepositoryPaths.ThirdPartyProtos}", $"--python_out={stubs}", $"--grpc_out={stubs}", plugin,
            "seats/v1/seats.proto", "seats/v1/api_keys.proto",
            "google/api/annotations.proto", "google/api/http.proto", "google/api/field_behavior.proto", "google/api/resource.proto",
            "google/rpc/status.proto", "google/rpc/error_details.proto",
        ]);
        return stubs;
    }

    private static async Task ProtocAsync(string[] arguments)
    {
        var (exitCode, output) = await ChildProcess.RunAsync(PythonGrpcProbe.RequiredProtoc, arguments, ProtocTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"protoc {string.Join(' ', arguments)} failed: {output}");
        }
    }
}
