using SeatGrpc.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>Discovers <see cref="StorageFactAttribute"/> tests, skipped where the class's storage engine is unavailable.</summary>
public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var reason = SkipReason(testMethod.TestClass.Class.ToRuntimeType());
        yield return reason is null
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new SkippedStorageTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason);
    }

    /// <summary>Why the class's engine is unavailable, or null (also null when a missing engine must fail the test instead).</summary>
    public static string? SkipReason(Type? testClass)
    {
        for (var type = testClass; type is not null; type = type.BaseType)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(StorageTestBase<>))
            {
                continue;
            }

            var provider = type.GetGenericArguments()[0];
            if (provider.GetCustomAttributes(typeof(StorageProbeAttribute), inherit: false) is not [StorageProbeAttribute probe])
            {
                return null;
            }

            var missing = RequiresToolFactAttribute.FindMissing(probe.ProbeType);
            return missing is null || RequiresToolFactAttribute.IsRequired
                ? null
                : $"{missing} (set {RequiresToolFactAttribute.RequireVariable}=1 to fail instead of skipping)";
        }

        return null;
    }
}
