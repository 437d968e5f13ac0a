using Google.Protobuf.WellKnownTypes;
using SeatGrpc.Domain;
using Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>The ApiKeyService RPCs: validated, applied to the caller's tenant, and followed by a reload of the key cache.</summary>
internal sealed class ApiKeyCommands
{
    public const string NamePrefix = "apiKeys/";

    private readonly SeatStore _store;
    private readonly ApiKeyCache _cache;
    private readonly TimeProvider _time;

    public ApiKeyCommands(SeatStore store, ApiKeyCache cache, TimeProvider time)
    {
        _store = store;
        _cache = cache;
        _time = time;
    }

    public async Task<CreateApiKeyResponse> CreateAsync(Caller caller, CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        Validate(request, _time.GetUtcNow()).ThrowIfAny();
        var key = request.ApiKey;
        var created = await _store.Keys.CreateKeyAsync(
                caller.Tenant, key.Scopes, key.ExpireTime?.ToDateTimeOffset(), caller.KeyId, cancellationToken)
            .ConfigureAwait(false);
        await _cache.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return new CreateApiKeyResponse { ApiKey = ToProto(created.Key), Key = created.Secret };
    }

    public async Task<ListApiKeysResponse> ListAsync(Caller caller, ListApiKeysRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        FieldRules.PageSize(violations, "page_size", request.PageSize);
        FieldRules.MaxLength(violations, "page_token", request.PageToken, FieldRules.MaxTokenLength);
        violations.ThrowIfAny();
        var page = await _store.Keys.ListAsync(caller.Tenant, request.PageSize, ProtoMapper.NullIfEmpty(request.PageToken), cancellationToken)
            .ConfigureAwait(false);
        var response = new ListApiKeysResponse { NextPageToken = page.NextPageToken ?? string.Empty };
        response.ApiKeys.AddRange(page.Keys.Select(ToProto));
        return response;
    }

    public async Task<RevokeApiKeyResponse> RevokeAsync(Caller caller, RevokeApiKeyRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (!request.Name.StartsWith(NamePrefix, StringComparison.Ordinal) || request.Name.Length == NamePrefix.Length)
        {
            violations.Add("name", "Required: apiKeys/{id}, the name ListApiKeys shows.");
        }

        violations.ThrowIfAny();
        var revoked = await _store.Keys.RevokeAsync(caller.Tenant, request.Name[NamePrefix.Length..], cancellationToken).ConfigureAwait(false);
        await _cache.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return new RevokeApiKeyResponse { ApiKey = ToProto(revoked) };
    }

    private static FieldViolations Validate(CreateApiKeyRequest request, DateTimeOffset now)
    {
        var violations = new FieldViolations();
        if (request.ApiKey is not { } key)
        {
            violations.Add("api_key", "Required: the key's scopes and, optionally, its expire_time.");
            return violations;
        }

        if (key.Scopes.Count == 0)
        {
            violations.Add("api_key.scopes", $"Required: one or more of {string.Join(", ", ApiKeyScopes.All)}.");
        }

        for (var i = 0; i < key.Scopes.Count; i++)
        {
            if (!ApiKeyScopes.All.Contains(key.Scopes[i], StringComparer.Ordinal))
            {
                violations.Add($"api_key.scopes[{i}]", $"Unknown scope: the scopes are {string.Join(", ", ApiKeyScopes.All)}.");
            }
        }

        if (key.ExpireTime is { } expiry && expiry.ToDateTimeOffset() <= now)
        {
            violations.Add("api_key.expire_time", "Must be in the future; leave it unset for a key that does not expire.");
        }

        return violations;
    }

    private static Seats.V1.ApiKey ToProto(Domain.ApiKey key)
    {
        var message = new Seats.V1.ApiKey
        {
            Name = NamePrefix + key.KeyId,
            Tenant = key.Tenant,
            CreateTime = Timestamp.FromDateTimeOffset(key.CreateTime),
            ExpireTime = key.ExpireTime is { } expiry ? Timestamp.FromDateTimeOffset(expiry) : null,
            RevokeTime = key.RevokeTime is { } revoked ? Timestamp.FromDateTimeOffset(revoked) : null,
            Creator = key.CreatedBy is { } creator ? NamePrefix + creator : string.Empty,
        };
        message.Scopes.AddRange(key.Scopes);
        return message;
    }
}
