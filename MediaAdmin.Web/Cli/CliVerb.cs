using System.Diagnostics.CodeAnalysis;

namespace MediaAdmin.Web.Cli;

/// <summary>A command run instead of the web server: 'MediaAdmin.Web create-user --email a@b --role Administrator'.</summary>
internal abstract class CliVerb
{
    public const string Usage = """
        Usage:
          MediaAdmin.Web                                  start the console
          MediaAdmin.Web seed-demo [--assets N]           create the demo accounts and library (N assets, default 300)
          MediaAdmin.Web create-user --email E --role R [--password P] [--name DISPLAY]
                                                          create an account; without --password one is generated and printed
          MediaAdmin.Web create-accesskey --email E       print a new AccessKey pair for the account (at most two per account)
          MediaAdmin.Web import --path DIR [--owner EMAIL] [--category NAME]
                                                          ingest every media file below DIR (owner: the only administrator if not given)
          MediaAdmin.Web grant-categories --email E --categories "Name A,Name B"
                                                          make these the categories an Editor may delete videos in
                                                          (Library:Source=AlibabaVod); --categories "" clears them
          MediaAdmin.Web reconcile [--fix]                compare storage with the database; --fix removes orphans older than
                                                          Reconcile:OrphanGracePeriod and marks assets with missing files
        Roles: Administrator, Editor, Viewer.
        """;

    private static readonly Dictionary<string, Func<IReadOnlyDictionary<string, string>, CliVerb>> Verbs = new(StringComparer.Ordinal)
    {
        ["seed-demo"] = options => new SeedDemoVerb(options),
        ["create-user"] = options => new CreateUserVerb(options),
        ["create-accesskey"] = options => new CreateAccessKeyVerb(options),
        ["import"] = options => new ImportVerb(options),
        ["reconcile"] = options => new ReconcileVerb(options),
        ["grant-categories"] = options => new GrantCategoriesVerb(options),
    };

    protected CliVerb(IReadOnlyDictionary<string, string> options) => Options = options;

    protected IReadOnlyDictionary<string, string> Options { get; }

    protected abstract IReadOnlySet<string> AllowedOptions { get; }

    /// <summary>The options that take no value (e.g. '--fix'); present means on.</summary>
    protected virtual IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    /// <summary>
    /// Recognises a verb as the first argument. Its own --options are taken out; what follows '--' goes to
    /// the host as configuration (e.g. '-- --Database:Provider=SqlServer').
    /// </summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out CliVerb? verb, out string[] hostArgs, out string? error)
    {
        verb = null;
        hostArgs = args;
        error = null;
        if (args.Length == 0 || args[0].StartsWith('-') || !Verbs.TryGetValue(args[0], out var create))
        {
            if (args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('='))
            {
                error = $"Unknown command '{args[0]}'.";
            }

            return false;
        }

        var separator = Array.IndexOf(args, "--");
        var own = separator < 0 ? args[1..] : args[1..separator];
        hostArgs = separator < 0 ? [] : args[(separator + 1)..];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var candidate = create(options);
        for (var i = 0; i < own.Length; i++)
        {
            if (own[i].StartsWith("--", StringComparison.Ordinal) && candidate.Flags.Contains(own[i][2..]))
            {
                options[own[i][2..]] = "on";
                continue;
            }

            if (!own[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= own.Length || own[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"'{args[0]}': expected '--option value' pairs, got '{own[i]}'.";
                return false;
            }

            options[own[i][2..]] = own[++i];
        }

        var unknown = options.Keys.Where(k => !candidate.AllowedOptions.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            error = $"'{args[0]}' does not take --{string.Join(", --", unknown)}.";
            return false;
        }

        verb = candidate;
        return true;
    }

    /// <summary>Migrates the database and prepares storage, then runs the verb; returns the process exit code.</summary>
    public async Task<int> RunAsync(WebApplication app, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using (app)
        {
            await app.Services.GetRequiredService<Core.Data.DatabaseInitializer>().InitializeAsync();
            await app.Services.GetRequiredService<Core.Storage.StorageInitializer>().InitializeAsync();
            await using var scope = app.Services.CreateAsyncScope();
            return await ExecuteAsync(scope.ServiceProvider, output, errors);
        }
    }

    protected abstract Task<int> ExecuteAsync(IServiceProvider services, TextWriter output, TextWriter errors);
}
