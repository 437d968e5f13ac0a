using System.Globalization;
using System.Reflection;

namespace SeatGrpc.Storage.Internal;

/// <summary>Reads a dialect's migration scripts embedded under <c>Migrations/{Folder}/NNNN_name.sql</c>.</summary>
internal static class MigrationCatalog
{
    private const string ResourcePrefix = "SeatGrpc.Storage.Migrations.";

    public static IReadOnlyList<Migration> Load(string folder)
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var prefix = ResourcePrefix + folder + "/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[prefix.Length..];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !long.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration '{fileName}' does not start with a version number and '_'.");
            }

            migrations.Add(new Migration(version, fileName, ReadScript(assembly, resource)));
        }

        migrations.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations of '{folder}' must be numbered 1, 2, 3… without gaps; found '{migrations[i].Name}'.");
            }
        }

        return migrations;
    }

    private static string ReadScript(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration '{resource}' cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
