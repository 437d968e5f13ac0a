namespace SeatGrpc.Testing;

/// <summary>Checks whether an external tool a test needs is installed. Implementations need a public parameterless constructor.</summary>
public interface IToolProbe
{
    /// <summary>Looks for the tool.</summary>
    /// <returns>Null if the tool is usable; otherwise why not, for the skip reason.</returns>
    string? FindMissing();
}
