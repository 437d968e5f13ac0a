using SeatGrpc.Testing;

namespace SeatGrpc.Conformance.Tests;

/// <summary>A conformance test whose tool is missing fails with the tool's name and how to install it.</summary>
public sealed class ToolRequirementTests
{
    [Fact]
    public void MissingTool_RequiredByATest_FailsNamingTheToolAndItsInstall()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RequiresToolFactAttribute.Require(typeof(AbsentToolProbe), null));

        Assert.Contains("frobnicate is not installed (npm install -g frobnicate).", error.Message, StringComparison.Ordinal);
        Assert.Contains(RequiresToolFactAttribute.RequireVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(".ci/run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InstalledTool_RequiredByATest_IsItsPath()
    {
        Assert.Equal("/usr/bin/true", RequiresToolFactAttribute.Require(typeof(PresentToolProbe), "/usr/bin/true"));
    }

    public sealed class AbsentToolProbe : IToolProbe
    {
        public string? FindMissing() => "frobnicate is not installed (npm install -g frobnicate).";
    }

    public sealed class PresentToolProbe : IToolProbe
    {
        public string? FindMissing() => null;
    }
}
