using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Cdn.UrlAuth;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Api;

public sealed class AccessKeyLastUsedTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private CoreHost _app = null!;

    public async Task InitializeAsync() =>
        _app = await CoreHost.StartAsync(_folder.Path, services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_key_in_steady_use_is_marked_used_once_a_minute_rather_than_on_every_call()
    {
        var keys = _app.Services.GetRequiredService<AccessKeyService>();
        var editor = await _app.CreateUserAsync(RoleNames.Editor);
        var key = (await keys.CreateAsync(editor.Id, editor.Id)).Value;
        var first = _clock.GetUtcNow().UtcDateTime;

        await keys.MarkUsedAsync(key.Id);
        _clock.Advance(TimeSpan.FromSeconds(59));
        await keys.MarkUsedAsync(key.Id);
        var withinTheMinute = await LastUsedAsync(key.Id);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await keys.MarkUsedAsync(key.Id);

        Assert.Equal(first, withinTheMinute);
        Assert.Equal(first.AddMinutes(1), await LastUsedAsync(key.Id));
    }

    private async Task<DateTime?> LastUsedAsync(string keyId)
    {
        await using var db = await _app.OpenDbAsync();
        return await db.AccessKeys.Where(k => k.Id == keyId).Select(k => k.LastUsedAtUtc).SingleAsync();
    }
}
