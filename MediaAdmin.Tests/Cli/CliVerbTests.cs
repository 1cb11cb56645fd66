using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Demo;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Tests.Support;
using MediaAdmin.Web.Cli;
using MediaAdmin.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cli;

public sealed class CliVerbTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly CliHarness _cli;

    public CliVerbTests() => _cli = new CliHarness(_folder.Path);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_user_makes_an_administrator_with_a_generated_password_that_signs_in()
    {
        var (exit, output, errors) = await RunAsync("create-user", "--email", "boss@example.com", "--role", "Administrator");

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        var password = output.Split('\n').Single(l => l.StartsWith("Password: ", StringComparison.Ordinal))["Password: ".Length..].Trim();
        Assert.Equal(20, password.Length);
        await WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<MediaUser>>();
            var user = await users.FindByEmailAsync("boss@example.com");
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, password));
            Assert.Equal(["Administrator"], await users.GetRolesAsync(user));
        });
    }

    [Theory]
    [InlineData("not-an-email", "Administrator", "'not-an-email' is not an e-mail address.")]
    [InlineData("a@example.com", "Overlord", "Role 'Overlord' does not exist; use one of: Administrator, Editor, Viewer.")]
    public async Task Create_user_with_bad_input_says_why_and_creates_nothing(string email, string role, string message)
    {
        var (exit, _, errors) = await RunAsync("create-user", "--email", email, "--role", role);

        Assert.Equal(1, exit);
        Assert.Equal(message, errors.Trim());
        await WithServicesAsync(async services => Assert.Empty(await services.GetRequiredService<MediaDbContext>().Users.ToListAsync()));
    }

    [Fact]
    public async Task Create_user_with_a_weak_password_is_refused_with_identitys_reasons()
    {
        var (exit, _, errors) = await RunAsync("create-user", "--email", "a@example.com", "--role", "Editor", "--password", "short");

        Assert.Equal(1, exit);
        Assert.Contains("at least 10 characters", errors, StringComparison.Ordinal);
        await WithServicesAsync(async services => Assert.Empty(await services.GetRequiredService<MediaDbContext>().Users.ToListAsync()));
    }

    [Theory]
    [InlineData(new[] { "create-user", "--email" }, "'create-user': expected '--option value' pairs, got '--email'.")]
    [InlineData(new[] { "create-user", "--email", "a@b.c", "--colour", "red" }, "'create-user' does not take --colour.")]
    [InlineData(new[] { "delete-everything" }, "Unknown command 'delete-everything'.")]
    public void Malformed_command_lines_are_refused_before_anything_runs(string[] args, string message)
    {
        Assert.False(CliVerb.TryParse(args, out _, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public async Task Seed_demo_creates_the_demo_accounts_and_a_library_of_real_playable_media()
    {
        var (exit, output, _) = await RunAsync("seed-demo", "--assets", "12");

        Assert.Equal(0, exit);
        Assert.Contains("Demo library: 12 assets", output, StringComparison.Ordinal);
        var storage = Path.Combine(_folder.Path, "storage");
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MediaDbContext>();
            Assert.Equal(DemoAccounts.All.Select(a => a.Email).Order(), (await db.Users.Select(u => u.Email!).ToListAsync()).Order());
            var assets = await db.MediaAssets.Include(a => a.Files).ToListAsync();
            Assert.Equal(12, assets.Count);
            Assert.All(assets, a => Assert.Equal(Core.Library.MediaStatus.Normal, a.Status));
            Assert.Equal(12, assets.Sum(a => a.Files.Count(f => f.Kind == Core.Library.MediaFileKind.Mezzanine)));
            foreach (var file in assets.SelectMany(a => a.Files))
            {
                var path = Path.Combine(storage, file.StorageKey);
                Assert.Equal(file.SizeBytes, new FileInfo(path).Length);
                if (file.Format == "jpg")
                {
                    Assert.Equal([0xFF, 0xD8, 0xFF], (await File.ReadAllBytesAsync(path))[..3]);
                }
            }

            var probe = services.GetRequiredService<IMediaProbe>();
            foreach (var asset in assets)
            {
                var master = asset.Files.SingleOrDefault(f => f.StorageKey.EndsWith("/streams/master.m3u8", StringComparison.Ordinal));
                if (master is not null)
                {
                    var variants = HlsPlaylist.References(Path.Combine(storage, master.StorageKey));
                    Assert.NotEmpty(variants);
                    Assert.All(variants.SelectMany(HlsPlaylist.References), segment => Assert.True(File.Exists(segment), segment));
                }

                var playable = asset.Files.First(f => f.StorageKey.Contains("/streams/mp4-", StringComparison.Ordinal) || f.Format == "m4a");
                var probed = (await probe.ProbeAsync(Path.Combine(storage, playable.StorageKey))).Value;
                Assert.InRange(probed.DurationSeconds, asset.DurationSeconds - 0.5, asset.DurationSeconds + 0.5);
            }
        });
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "demo-media")));

        var again = await RunAsync("seed-demo");
        Assert.Contains("already has assets", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_accesskey_prints_a_pair_that_signs_and_refuses_a_third()
    {
        await RunAsync("create-user", "--email", "script@example.com", "--role", "Editor");

        var (exit, output, _) = await RunAsync("create-accesskey", "--email", "script@example.com");
        await RunAsync("create-accesskey", "--email", "script@example.com");
        var third = await RunAsync("create-accesskey", "--email", "script@example.com");
        var nobody = await RunAsync("create-accesskey", "--email", "nobody@example.com");

        Assert.Equal(0, exit);
        var id = output.Split('\n').Single(l => l.StartsWith("AccessKeyId: ", StringComparison.Ordinal))["AccessKeyId: ".Length..].Trim();
        var secret = output.Split('\n').Single(l => l.StartsWith("AccessKeySecret: ", StringComparison.Ordinal))["AccessKeySecret: ".Length..].Trim();
        await WithServicesAsync(async services =>
            Assert.Equal(secret, (await services.GetRequiredService<Core.AccessKeys.AccessKeyService>().ForSigningAsync(id)).Secret));
        Assert.Equal((1, "An account can hold at most 2 AccessKeys; delete one first."), (third.Exit, third.Errors.Trim()));
        Assert.Equal((1, "No account for nobody@example.com."), (nobody.Exit, nobody.Errors.Trim()));
    }

    [Fact]
    public async Task Seed_demo_is_refused_in_production()
    {
        var (exit, _, errors) = await RunInAsync("Production", "seed-demo");

        Assert.Equal(1, exit);
        Assert.Contains("refused in Production", errors, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args) => _cli.RunAsync(args);

    private Task<(int Exit, string Output, string Errors)> RunInAsync(string environment, params string[] args) => _cli.RunInAsync(environment, args);

    private Task WithServicesAsync(Func<IServiceProvider, Task> check) => _cli.WithServicesAsync(check);
}
