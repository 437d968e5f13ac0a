using Xunit.Sdk;

namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>
/// A fact of the shared storage suite. An attribute on an inherited method cannot know the concrete class, so
/// <see cref="StorageFactDiscoverer"/> looks at it: a class over a provider whose engine is unavailable
/// (<see cref="StorageProbeAttribute"/>) gets its tests skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("SeatGrpc.Domain.Tests.Infrastructure.StorageFactDiscoverer", "SeatGrpc.Domain.Tests")]
public sealed class StorageFactAttribute : FactAttribute;
