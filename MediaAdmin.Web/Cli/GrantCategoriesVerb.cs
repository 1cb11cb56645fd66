using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Cli;

/// <summary>
/// Replaces the categories granted to an Editor, for automation: with the AlibabaVod source an Editor may delete the
/// videos in the categories granted to them. Prints what is granted afterwards.
/// </summary>
internal sealed class GrantCategoriesVerb(IReadOnlyDictionary<string, string> options) : CliVerb(options)
{
    protected override IReadOnlySet<string> AllowedOptions { get; } = new HashSet<string> { "email", "categories" };

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (!Options.TryGetValue("email", out var email) || !Options.TryGetValue("categories", out var categories))
        {
            await errors.WriteLineAsync("grant-categories needs --email and --categories (names separated by commas; \"\" clears the grants).");
            return 2;
        }

        var replaced = await services.GetRequiredService<CategoryGrants>().ReplaceFromCommandLineAsync(email, categories.Split(','));
        if (!replaced.TryGetValue(out var granted))
        {
            await errors.WriteLineAsync(replaced.Error);
            return 1;
        }

        await output.WriteLineAsync(granted.CategoryNames.Count == 0
            ? $"Granted to {granted.Email}: no categories."
            : $"Granted to {granted.Email}: {string.Join(", ", granted.CategoryNames)}.");
        if (!services.GetRequiredService<IOptions<LibrarySourceOptions>>().Value.IsAlibabaVod)
        {
            await output.WriteLineAsync("Library:Source is Local, where assets have owners: the grants take effect once the source is AlibabaVod.");
        }

        return 0;
    }
}
