using System.Collections.Concurrent;
using Xunit;

namespace SeatGrpc.Testing;

/// <summary>
/// A fact that needs an external tool (python3-grpcio, buf, h2load...). Where the tool is missing the test
/// is reported as skipped with the probe's reason, unless <see cref="RequireVariable"/> is <c>1</c> (CI sets
/// it): then the test runs and fails, because CI must not pass on a skipped conformance test.
/// </summary>
/// <example><c>[RequiresToolFact(typeof(PythonGrpcProbe))]</c></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    /// <summary>The environment variable that turns a missing tool from a skip into a failure.</summary>
    public const string RequireVariable = "SEATGRPC_REQUIRE_CONFORMANCE";

    // Probing starts processes: once per probe type per test run, not once per test.
    private static readonly ConcurrentDictionary<Type, string?> Results = new();

    /// <summary>Initializes a new instance of the <see cref="RequiresToolFactAttribute"/> class.</summary>
    /// <param name="probeType">A type implementing <see cref="IToolProbe"/>.</param>
    public RequiresToolFactAttribute(Type probeType)
    {
        ArgumentNullException.ThrowIfNull(probeType);
        ProbeType = probeType;
        var missing = FindMissing(probeType);
        if (missing is not null && !IsRequired)
        {
            Skip = $"{missing} (set {RequireVariable}=1 to fail instead of skipping)";
        }
    }

    /// <summary>Gets the probe type.</summary>
    public Type ProbeType { get; }

    /// <summary>Gets a value indicating whether missing tools fail tests instead of skipping them.</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>
    /// The tool's path for a test that is about to use it. A test that runs although its tool is missing (because
    /// <see cref="RequireVariable"/> is set) fails here, naming the tool and how to install it.
    /// </summary>
    /// <param name="probeType">A type implementing <see cref="IToolProbe"/>.</param>
    /// <param name="path">The tool's path as the probe found it, or null.</param>
    /// <returns>The path.</returns>
    /// <exception cref="InvalidOperationException">The tool is missing or unusable.</exception>
    public static string Require(Type probeType, string? path)
    {
        var missing = FindMissing(probeType);
        if (missing is null && path is not null)
        {
            return path;
        }

        throw new InvalidOperationException(
            $"{missing ?? $"{probeType.Name} found no tool."} {RequireVariable}=1 makes a missing tool a failure: install it " +
            $"(.ci/run lists every install step), or unset {RequireVariable} to skip these tests.");
    }

    /// <summary>Runs a probe (once per type) and returns why its tool is unusable, or null.</summary>
    /// <param name="probeType">A type implementing <see cref="IToolProbe"/>.</param>
    /// <returns>The reason, or null.</returns>
    public static string? FindMissing(Type probeType) =>
        Results.GetOrAdd(probeType, static type =>
        {
            if (Activator.CreateInstance(type) is not IToolProbe probe)
            {
                return $"{type.Name} does not implement {nameof(IToolProbe)}.";
            }

            try
            {
                return probe.FindMissing();
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
            {
                return $"{type.Name} failed: {ex.Message}";
            }
        });
}
