using Xunit;

namespace SeatGrpc.Testing;

/// <summary>
/// The theory form of <see cref="RequiresToolFactAttribute"/>: skipped with the probe's reason where the tool is
/// missing, failed instead when <see cref="RequiresToolFactAttribute.RequireVariable"/> is <c>1</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresToolTheoryAttribute : TheoryAttribute
{
    /// <summary>Initializes a new instance of the <see cref="RequiresToolTheoryAttribute"/> class.</summary>
    /// <param name="probeType">A type implementing <see cref="IToolProbe"/>.</param>
    public RequiresToolTheoryAttribute(Type probeType)
    {
        ArgumentNullException.ThrowIfNull(probeType);
        ProbeType = probeType;
        var missing = RequiresToolFactAttribute.FindMissing(probeType);
        if (missing is not null && !RequiresToolFactAttribute.IsRequired)
        {
            Skip = $"{missing} (set {RequiresToolFactAttribute.RequireVariable}=1 to fail instead of skipping)";
        }
    }

    /// <summary>Gets the probe type.</summary>
    public Type ProbeType { get; }
}
