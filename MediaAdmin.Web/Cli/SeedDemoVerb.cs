using System.Globalization;
using MediaAdmin.Core.Demo;
using MediaAdmin.Core.Sources;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Cli;

/// <summary>Creates the demo accounts and, in an empty library, the demo assets with their files.</summary>
internal sealed class SeedDemoVerb(IReadOnlyDictionary<string, string> options) : CliVerb(options)
{
    protected override IReadOnlySet<string> AllowedOptions { get; } = new HashSet<string> { "assets" };

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            await errors.WriteLineAsync("seed-demo creates accounts with published passwords and is refused in Production; use create-user.");
            return 1;
        }

        var count = DemoLibrarySeeder.DefaultAssetCount;
        if (Options.TryGetValue("assets", out var raw)
            && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 100_000))
        {
            await errors.WriteLineAsync($"--assets must be a whole number from 1 to 100000, not '{raw}'.");
            return 2;
        }

        // The library of a console fronting ApsaraVideo VOD is the remote one; only the accounts are demo ones.
        var remote = services.GetRequiredService<IOptions<LibrarySourceOptions>>().Value.IsAlibabaVod;
        var report = await services.GetRequiredService<DemoLibrarySeeder>().SeedAsync(remote ? 0 : count);
        await output.WriteLineAsync(remote
            ? "Library:Source is AlibabaVod: the library is the ApsaraVideo VOD account's, so no demo assets were added."
            : report.AssetsCreated > 0
                ? $"Demo library: {report.AssetsCreated} assets with {report.FilesWritten} files."
                : "The library already has assets; no demo assets were added.");
        foreach (var (email, role, _) in DemoAccounts.All)
        {
            var state = report.AccountsCreated.Contains(email) ? "created" : "exists";
            await output.WriteLineAsync($"  {email,-28} {role,-14} password: {DemoAccounts.Password}  ({state})");
        }

        return 0;
    }
}
