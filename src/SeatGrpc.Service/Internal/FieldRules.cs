using System.Buffers;
using Google.Protobuf.Collections;

namespace SeatGrpc.Service.Internal;

/// <summary>The checks of single fields, each adding a violation under the field's proto path.</summary>
internal static class FieldRules
{
    public const int MaxMetadataEntries = 50;
    public const int MaxMetadataKeyLength = 40;
    public const int MaxMetadataValueLength = 500;
    public const int MaxEmailLength = 254;
    public const int MaxExternalIdLength = 255;
    public const int MaxPageSize = 1000;
    public const int MaxTokenLength = 512;
    public const int MaxEtagLength = 128;

    private const string IdRule = "1 to 63 characters of A-Z, a-z, 0-9, '.', '_', '~' and '-'";

    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-");

    // RFC 5322 atext plus '.', the characters a sane address uses before its '@'.
    private static readonly SearchValues<char> LocalPartChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~.-");

    private static readonly SearchValues<char> DomainLabelChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    public static bool IsId(ReadOnlySpan<char> id) => id.Length is >= 1 and <= 63 && !id.ContainsAnyExcept(IdChars);

    /// <summary><c>subscriptions/{id}</c> or <c>orders/{id}</c>.</summary>
    public static void PoolName(FieldViolations violations, string field, string value)
    {
        if (value.Length == 0)
        {
            violations.Add(field, "Required: subscriptions/{id} or orders/{id}.");
        }
        else if (!IsPoolName(value))
        {
            violations.Add(field, $"Must be subscriptions/{{id}} or orders/{{id}}, with an id of {IdRule}.");
        }
    }

    public static void SeatName(FieldViolations violations, string field, string value) =>
        ResourceName(violations, field, value, "seats/", "seats/{id}");

    public static void CustomerName(FieldViolations violations, string field, string value) =>
        ResourceName(violations, field, value, "customers/", "customers/{id}");

    public static void Email(FieldViolations violations, string field, string value)
    {
        if (value.Length > MaxEmailLength)
        {
            violations.Add(field, $"An email address has at most {MaxEmailLength} characters.");
        }
        else if (!IsEmail(value))
        {
            violations.Add(field, "Not a valid email address.");
        }
    }

    /// <summary>A billing customer id: it appears in <c>customers/{id}</c>, so it follows the id rule.</summary>
    public static void CustomerId(FieldViolations violations, string field, string value)
    {
        if (!IsId(value))
        {
            violations.Add(field, $"A customer id has {IdRule}.");
        }
    }

    /// <summary>The caller's own id: any printable text up to 255 characters.</summary>
    public static void ExternalCustomerId(FieldViolations violations, string field, string value)
    {
        if (value.Length > MaxExternalIdLength)
        {
            violations.Add(field, $"An external customer id has at most {MaxExternalIdLength} characters.");
        }
        else if (HasControlOrEdgeSpace(value))
        {
            violations.Add(field, "An external customer id has no control characters and no leading or trailing spaces.");
        }
    }

    /// <summary>
    /// A grantee: at least one identity, each valid. <paramref name="prefix"/> is the path of the message holding
    /// the three fields ("" for AssignSeatRequest, "changes[0].assign.grantee." for a batch change).
    /// </summary>
    public static void Grantee(
        FieldViolations violations, string prefix, string email, string customerId, string externalCustomerId, string missingField)
    {
        if (email.Length == 0 && customerId.Length == 0 && externalCustomerId.Length == 0)
        {
            violations.Add(missingField, "Set at least one of email, customer_id and external_customer_id.");
            return;
        }

        if (email.Length > 0)
        {
            Email(violations, prefix + "email", email);
        }

        if (customerId.Length > 0)
        {
            CustomerId(violations, prefix + "customer_id", customerId);
        }

        if (externalCustomerId.Length > 0)
        {
            ExternalCustomerId(violations, prefix + "external_customer_id", externalCustomerId);
        }
    }

    public static void Metadata(FieldViolations violations, string field, MapField<string, string> metadata)
    {
        if (metadata.Count > MaxMetadataEntries)
        {
            violations.Add(field, $"At most {MaxMetadataEntries} keys.");
        }

        foreach (var (key, value) in metadata)
        {
            var path = $"{field}[\"{Truncate(key)}\"]";
            if (key.Length is 0 or > MaxMetadataKeyLength)
            {
                violations.Add(path, $"A metadata key has 1 to {MaxMetadataKeyLength} characters.");
            }
            else if (HasControl(key))
            {
                violations.Add(path, "A metadata key has no control characters.");
            }

            if (value.Length > MaxMetadataValueLength)
            {
                violations.Add(path, $"A metadata value has at most {MaxMetadataValueLength} characters.");
            }
        }
    }

    /// <summary>An optional request id: a UUID in its usual 8-4-4-4-12 form.</summary>
    public static void RequestId(FieldViolations violations, string field, string value)
    {
        if (value.Length > 0 && !Guid.TryParseExact(value, "D", out _))
        {
            violations.Add(field, "A request id is a UUID, e.g. 123e4567-e89b-12d3-a456-426614174000.");
        }
    }

    public static void PageSize(FieldViolations violations, string field, int value)
    {
        if (value is < 0 or > MaxPageSize)
        {
            violations.Add(field, $"Must be 0 (the default, 50) to {MaxPageSize}.");
        }
    }

    public static void MaxLength(FieldViolations violations, string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            violations.Add(field, $"At most {maxLength} characters.");
        }
    }

    public static bool IsPoolName(string value)
    {
        var id = value.StartsWith("subscriptions/", StringComparison.Ordinal) ? value.AsSpan("subscriptions/".Length)
            : value.StartsWith("orders/", StringComparison.Ordinal) ? value.AsSpan("orders/".Length)
            : default;
        return IsId(id);
    }

    public static bool IsEmail(string value)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || at > 64 || at == value.Length - 1)
        {
            return false;
        }

        var local = value.AsSpan(0, at);
        if (local.ContainsAnyExcept(LocalPartChars) || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var domain = value.AsSpan(at + 1);
        if (domain.IndexOf('.') < 0)
        {
            return false;
        }

        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > 63 || label.ContainsAnyExcept(DomainLabelChars) || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }
        }

        return true;
    }

    private static void ResourceName(FieldViolations violations, string field, string value, string prefix, string pattern)
    {
        if (value.Length == 0)
        {
            violations.Add(field, $"Required: {pattern}.");
        }
        else if (!value.StartsWith(prefix, StringComparison.Ordinal) || !IsId(value.AsSpan(prefix.Length)))
        {
            violations.Add(field, $"Must be {pattern}, with an id of {IdRule}.");
        }
    }

    private static bool HasControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasControlOrEdgeSpace(string value) =>
        value.Length == 0 || HasControl(value) || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);

    // Keeps a field path readable when a caller sends a huge key.
    private static string Truncate(string key) =>
        (key.Length > MaxMetadataKeyLength + 10 ? key[..(MaxMetadataKeyLength + 10)] + "..." : key)
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal);
}
