namespace SeatGrpc.Conformance.Tests;

/// <summary>Paths in the repository the tests run from (found by walking up to SeatGrpc.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Protos => Path.Combine(Root, "protos");

    public static string ThirdPartyProtos => Path.Combine(Root, "protos", "third_party");

    public static string EchoProtos => Path.Combine(Root, "tests", "SeatGrpc.Conformance.Tests", "Protos");

    public static string PythonScripts => Path.Combine(Root, "tests", "conformance", "python");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SeatGrpc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"SeatGrpc.sln not found above {AppContext.BaseDirectory}.");
    }
}
