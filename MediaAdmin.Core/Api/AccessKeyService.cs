using System.Security.Cryptography;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Api;

/// <summary>An AccessKey as the console lists it (never with its secret).</summary>
public sealed record AccessKeySummary(string Id, string UserId, string UserName, bool IsEnabled, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc);

/// <summary>A new AccessKey pair: the only time its secret is ever shown.</summary>
public sealed record NewAccessKey(string Id, string Secret);

/// <summary>Why an AccessKey may not sign a request.</summary>
public enum AccessKeyRefusal
{
    None = 0,
    NotFound = 1,
    Disabled = 2,
    UserNotActive = 3,
}

/// <summary>The key a signed request names, with its secret for checking the signature.</summary>
public sealed record SigningKey(string Id, string UserId, string Secret, AccessKeyRefusal Refusal);

/// <summary>
/// AccessKeys: at most two per user, created, disabled, re-enabled and deleted by their owner or by
/// account managers. Secrets are protected with Data Protection, whose key ring lives in the database,
/// so every instance can check signatures.
/// </summary>
public sealed class AccessKeyService(IDbContextFactory<MediaDbContext> dbFactory, IDataProtectionProvider dataProtection, PermissionService permissions, TimeProvider clock)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("MediaAdmin.AccessKeySecret.v1");

    /// <summary>Creates a pair for <paramref name="userId"/>; null with an error when the caller may not or the user has two already.</summary>
    public async Task<(NewAccessKey? Key, string? Error)> CreateAsync(string callerId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await MayActOnAsync(db, callerId, userId, cancellationToken))
        {
            return (null, "You may create AccessKeys only for your own account.");
        }

        if (await db.AccessKeys.CountAsync(k => k.UserId == userId, cancellationToken) >= AccessKey.MaxPerUser)
        {
            return (null, $"An account can hold at most {AccessKey.MaxPerUser} AccessKeys; delete one first.");
        }

        var id = "LTAI" + RandomString(20);
        var secret = RandomString(30);
        db.AccessKeys.Add(new AccessKey { Id = id, UserId = userId, ProtectedSecret = _protector.Protect(secret), CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return (new NewAccessKey(id, secret), null);
    }

    /// <summary>The caller's keys, or everyone's for account managers (null <paramref name="ofUserId"/>).</summary>
    public async Task<IReadOnlyList<AccessKeySummary>> ListAsync(string callerId, string? ofUserId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var manager = (await permissions.GetAsync(db, callerId, cancellationToken)).Has(PermissionNames.ManageAccounts);
        var userId = manager ? ofUserId : callerId;
        var keys = db.AccessKeys.AsNoTracking();
        if (userId is not null)
        {
            keys = keys.Where(k => k.UserId == userId);
        }

        return await (from k in keys
                      join u in db.Users on k.UserId equals u.Id
                      orderby u.UserName, k.CreatedAtUtc
                      select new AccessKeySummary(k.Id, k.UserId, u.UserName ?? u.Id, k.IsEnabled, k.CreatedAtUtc, k.LastUsedAtUtc))
            .ToListAsync(cancellationToken);
    }

    public Task<string?> SetEnabledAsync(string callerId, string accessKeyId, bool enabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(callerId, accessKeyId, keys => keys.ExecuteUpdateAsync(set => set.SetProperty(k => k.IsEnabled, enabled), cancellationToken), cancellationToken);

    public Task<string?> DeleteAsync(string callerId, string accessKeyId, CancellationToken cancellationToken = default) =>
        ChangeAsync(callerId, accessKeyId, keys => keys.ExecuteDeleteAsync(cancellationToken), cancellationToken);

    /// <summary>The key a request names, with its secret and whether it may sign at all.</summary>
    public async Task<SigningKey> ForSigningAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.AccessKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == accessKeyId, cancellationToken);
        if (key is null)
        {
            return new SigningKey(accessKeyId, string.Empty, string.Empty, AccessKeyRefusal.NotFound);
        }

        var secret = _protector.Unprotect(key.ProtectedSecret);
        var refusal = !key.IsEnabled ? AccessKeyRefusal.Disabled
            : !(await permissions.GetAsync(db, key.UserId, cancellationToken)).IsActive ? AccessKeyRefusal.UserNotActive
            : AccessKeyRefusal.None;
        return new SigningKey(key.Id, key.UserId, secret, refusal);
    }

    public async Task MarkUsedAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AccessKeys.Where(k => k.Id == accessKeyId).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAtUtc, now), cancellationToken);
    }

    private async Task<string?> ChangeAsync(string callerId, string accessKeyId, Func<IQueryable<AccessKey>, Task<int>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ownerId = await db.AccessKeys.Where(k => k.Id == accessKeyId).Select(k => k.UserId).SingleOrDefaultAsync(cancellationToken);
        if (ownerId is null)
        {
            return "That AccessKey no longer exists.";
        }

        if (!await MayActOnAsync(db, callerId, ownerId, cancellationToken))
        {
            return "You may change only your own AccessKeys.";
        }

        await change(db.AccessKeys.Where(k => k.Id == accessKeyId));
        return null;
    }

    private async Task<bool> MayActOnAsync(MediaDbContext db, string callerId, string userId, CancellationToken cancellationToken)
    {
        var who = await permissions.GetAsync(db, callerId, cancellationToken);
        return who.IsActive && (callerId == userId || who.Has(PermissionNames.ManageAccounts));
    }

    private static string RandomString(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(length, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }
}
