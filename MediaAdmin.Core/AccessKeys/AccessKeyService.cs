using System.Collections.Concurrent;
using System.Security.Cryptography;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.AccessKeys;

/// <summary>
/// AccessKeys: at most two per user, created, disabled, re-enabled and deleted by their owner or by
/// account managers. Secrets are protected with Data Protection, whose key ring lives in the database,
/// so every instance can check signatures.
/// </summary>
public sealed class AccessKeyService(
    IDbContextFactory<MediaDbContext> dbFactory, IDataProtectionProvider dataProtection, PermissionService permissions, SqliteWriteGate writeGate, TimeProvider clock)
{
    // Compiled once: every signed call runs it, and building and looking up its expression tree each time cost
    // more CPU than SQLite spent on the statement. One statement: the key with its owner's state (none when the owner is gone).
    private static readonly Func<MediaDbContext, string, CancellationToken, Task<SigningRow?>> SigningRowOf = EF.CompileAsyncQuery(
        (MediaDbContext db, string accessKeyId, CancellationToken _) => db.AccessKeys.AsNoTracking().Where(k => k.Id == accessKeyId)
            .Select(k => new SigningRow(
                k.Id,
                k.UserId,
                k.ProtectedSecret,
                k.IsEnabled,
                db.Users.Where(u => u.Id == k.UserId).Select(u => new SigningOwner(u.IsDisabled, u.LockoutEnd)).FirstOrDefault()))
            .SingleOrDefault());

    private readonly IDataProtector _protector = dataProtection.CreateProtector("MediaAdmin.AccessKeySecret.v1");
    private readonly ConcurrentDictionary<string, DateTime> _lastMarked = new(StringComparer.Ordinal);

    /// <summary>How stale a key's "last used" may be: a key in steady use is marked once a minute.</summary>
    public static TimeSpan LastUsedPrecision { get; } = TimeSpan.FromMinutes(1);

    /// <summary>Creates a pair for <paramref name="userId"/>: Forbidden for someone else's account, Conflict past two keys.</summary>
    public async Task<Result<NewAccessKey>> CreateAsync(string callerId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await MayActOnAsync(db, callerId, userId, cancellationToken))
        {
            return Problem.Forbidden("You may create AccessKeys only for your own account.");
        }

        if (await db.AccessKeys.CountAsync(k => k.UserId == userId, cancellationToken) >= AccessKey.MaxPerUser)
        {
            return Problem.Conflict($"An account can hold at most {AccessKey.MaxPerUser} AccessKeys; delete one first.");
        }

        var id = "LTAI" + RandomString(20);
        var secret = RandomString(30);
        db.AccessKeys.Add(new AccessKey { Id = id, UserId = userId, ProtectedSecret = _protector.Protect(secret), CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return new NewAccessKey(id, secret);
    }

    /// <summary>
    /// The caller's keys, or for account managers everyone's (null <paramref name="ofUserId"/>) or one user's.
    /// Forbidden for an inactive caller, and for anyone else asking for another user's keys.
    /// </summary>
    public async Task<Result<IReadOnlyList<AccessKeySummary>>> ListAsync(string callerId, string? ofUserId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var who = await permissions.GetAsync(db, callerId, cancellationToken);
        var manager = who.Has(PermissionNames.ManageAccounts);
        if (!who.IsActive || (!manager && ofUserId is not null && ofUserId != callerId))
        {
            return Problem.Forbidden("You may list only your own AccessKeys.");
        }

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

    /// <summary>Disables or re-enables a key: NotFound when it no longer exists, Forbidden when it is not the caller's to change.</summary>
    public Task<Result<Done>> SetEnabledAsync(string callerId, string accessKeyId, bool enabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(callerId, accessKeyId, keys => keys.ExecuteUpdateAsync(set => set.SetProperty(k => k.IsEnabled, enabled), cancellationToken), cancellationToken);

    /// <summary>Deletes a key for good: NotFound when it no longer exists, Forbidden when it is not the caller's to delete.</summary>
    public Task<Result<Done>> DeleteAsync(string callerId, string accessKeyId, CancellationToken cancellationToken = default) =>
        ChangeAsync(callerId, accessKeyId, keys => keys.ExecuteDeleteAsync(cancellationToken), cancellationToken);

    /// <summary>The key a request names, with its secret and whether it may sign at all.</summary>
    public async Task<SigningKey> ForSigningAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var found = await SigningRowOf(db, accessKeyId, cancellationToken);
        if (found is null)
        {
            return new SigningKey(accessKeyId, string.Empty, string.Empty, AccessKeyRefusal.NotFound);
        }

        var secret = _protector.Unprotect(found.ProtectedSecret);
        var refusal = !found.IsEnabled ? AccessKeyRefusal.Disabled
            : found.Owner is null || !MediaUser.IsActive(found.Owner.IsDisabled, found.Owner.LockoutEnd, clock.GetUtcNow()) ? AccessKeyRefusal.UserNotActive
            : AccessKeyRefusal.None;
        return new SigningKey(found.Id, found.UserId, secret, refusal);
    }

    /// <summary>
    /// Records that the key signed a request now, at most once per <see cref="LastUsedPrecision"/> per key and
    /// instance: a write on every call would queue every API request behind SQLite's one write lock.
    /// </summary>
    public async Task MarkUsedAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_lastMarked.TryGetValue(accessKeyId, out var marked) && now - marked < LastUsedPrecision)
        {
            return;
        }

        _lastMarked[accessKeyId] = now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await db.AccessKeys.Where(k => k.Id == accessKeyId).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAtUtc, now), cancellationToken);
    }

    private async Task<Result<Done>> ChangeAsync(string callerId, string accessKeyId, Func<IQueryable<AccessKey>, Task<int>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ownerId = await db.AccessKeys.Where(k => k.Id == accessKeyId).Select(k => k.UserId).SingleOrDefaultAsync(cancellationToken);
        if (ownerId is null)
        {
            return Problem.NotFound("That AccessKey no longer exists.");
        }

        if (!await MayActOnAsync(db, callerId, ownerId, cancellationToken))
        {
            return Problem.Forbidden("You may change only your own AccessKeys.");
        }

        await change(db.AccessKeys.Where(k => k.Id == accessKeyId));
        return Result.Ok();
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

    private sealed record SigningRow(string Id, string UserId, string ProtectedSecret, bool IsEnabled, SigningOwner? Owner);

    private sealed record SigningOwner(bool IsDisabled, DateTimeOffset? LockoutEnd);
}
