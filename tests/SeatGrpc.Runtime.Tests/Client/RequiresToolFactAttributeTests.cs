using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Client;

/// <summary>The skip-or-fail rule of <see cref="RequiresToolFactAttribute"/>.</summary>
public sealed class RequiresToolFactAttributeTests
{
    [Fact]
    public void MissingTool_SkipsWithReasonUnlessConformanceIsRequired()
    {
        var attribute = new RequiresToolFactAttribute(typeof(AlwaysMissingProbe));

        if (RequiresToolFactAttribute.IsRequired)
        {
            Assert.Null(attribute.Skip);
        }
        else
        {
            Assert.NotNull(attribute.Skip);
            Assert.Contains(AlwaysMissingProbe.Reason, attribute.Skip, StringComparison.Ordinal);
            Assert.Contains(RequiresToolFactAttribute.RequireVariable, attribute.Skip, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PresentTool_NeverSkips()
    {
        var attribute = new RequiresToolFactAttribute(typeof(AlwaysPresentProbe));

        Assert.Null(attribute.Skip);
    }

    [Fact]
    public void TypeThatIsNotAProbe_IsReportedAsMissing()
    {
        Assert.Contains(nameof(IToolProbe), RequiresToolFactAttribute.FindMissing(typeof(object)), StringComparison.Ordinal);
    }

    private sealed class AlwaysMissingProbe : IToolProbe
    {
        public const string Reason = "frobnicator is not installed";

        public string? FindMissing() => Reason;
    }

    private sealed class AlwaysPresentProbe : IToolProbe
    {
        public string? FindMissing() => null;
    }
}
