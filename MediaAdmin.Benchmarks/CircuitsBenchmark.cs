using System.Globalization;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// What an open library page costs the server: the console in this process, a library of 300 assets, and N real
/// Chromium pages (a few signed-in browser contexts) on the library page, each waited for until its circuit rendered
/// the grid. The managed heap after a full, compacting collection is compared with the same measure taken with one
/// page open (so start-up, JIT and caches are out of the figure), and divided by the pages opened since.
/// </summary>
internal static class CircuitsBenchmark
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Password = "Bench-Password-1";
    private const int Contexts = 4;

    public static Task<int> RunAsync(string[] args) =>
        BenchmarkFolder.RunInAsync("mediaadmin-circuits-", root => RunInAsync(root, args));

    private static async Task<int> RunInAsync(string root, string[] args)
    {
        var pages = Option(args, "--pages", 100);
        var app = await StartConsoleAsync(root);
        try
        {
            await SeedAsync(app.Services);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions"],
            });
            var baseAddress = app.Urls.Single();
            var contexts = new List<IBrowserContext>();
            for (var i = 0; i < Contexts; i++)
            {
                contexts.Add(await SignInAsync(browser, baseAddress));
            }

            await OpenLibraryAsync(contexts[0]);
            var before = FullCollection();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline: one page open, managed heap {before / 1024} KB"));

            for (var opened = 0; opened < pages; opened++)
            {
                await OpenLibraryAsync(contexts[opened % Contexts]);
                if ((opened + 1) % 10 == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{opened + 1} pages rendered the grid"));
                }
            }

            var after = FullCollection();
            var perCircuit = (after - before) / 1024.0 / pages;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after {pages} more pages: managed heap {after / 1024} KB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"circuits: n={pages} kb_per_circuit={perCircuit:F0}"));

            // '--hold-seconds S' keeps the pages open after the figure, to take a heap dump (dotnet-gcdump) of what they hold.
            if (Option(args, "--hold-seconds", 0) is > 0 and var hold)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"holding the pages open for {hold} s (process {Environment.ProcessId})"));
                await Task.Delay(TimeSpan.FromSeconds(hold));
            }
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }

            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    /// <summary>Twice, so objects freed by finalizers in the first pass are gone too.</summary>
    private static long FullCollection()
    {
        for (var pass = 0; pass < 2; pass++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<IBrowserContext> SignInAsync(IBrowser browser, string baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress, ViewportSize = new() { Width = 1600, Height = 1000 } });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", "bench@example.com");
        await page.FillAsync("#Input\\.Password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.CloseAsync();
        return context;
    }

    /// <summary>A new tab on the library, waited for until the interactive circuit rendered the grid's rows.</summary>
    private static async Task OpenLibraryAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-testid=library-grid] tbody tr");
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        string ownerId;
        await using (var scope = services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountProvisioning>().CreateAsync("bench@example.com", RoleNames.Administrator, Password);
            ownerId = (created.User ?? throw new InvalidOperationException(string.Join("; ", created.Errors))).Id;
        }

        var drafts = Enumerable.Range(0, 300).Select(i => new AssetDraft(
            $"Harbour at dawn {i:000}",
            MediaType.Video,
            ownerId,
            [
                new FileDraft(MediaFileKind.Mezzanine, "source.mp4", "mp4", new byte[256], BitrateKbps: 8000),
                new FileDraft(MediaFileKind.Snapshot, "snapshots/00.jpg", "jpg", new byte[64], SnapshotKind: SnapshotKind.Cover),
            ],
            DurationSeconds: 61.5)).ToList();
        await services.GetRequiredService<AssetIngestion>().IngestManyAsync(drafts);
    }

    /// <summary>
    /// The console from the build output of its project (MudBlazor's and Blazor's scripts are found through the
    /// runtime manifest of static web assets, as the browser tests find them), on a port the OS picks.
    /// </summary>
    private static Task<WebApplication> StartConsoleAsync(string dataFolder) =>
        BenchmarkConsole.StartAsync(dataFolder, WebProjectFolder(), builder => builder.WebHost.UseStaticWebAssets());

    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "MediaAdmin.Web");
            if (File.Exists(Path.Combine(candidate, "MediaAdmin.Web.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The MediaAdmin.Web project folder was not found above " + AppContext.BaseDirectory);
    }
}
