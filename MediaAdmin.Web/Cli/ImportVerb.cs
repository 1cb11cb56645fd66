using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Permissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Web.Cli;

/// <summary>Ingests every media file of a folder through the upload pipeline, for teams bringing an existing library.</summary>
internal sealed class ImportVerb(IReadOnlyDictionary<string, string> options) : CliVerb(options)
{
    protected override IReadOnlySet<string> AllowedOptions { get; } = new HashSet<string> { "path", "owner", "category" };

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (!Options.TryGetValue("path", out var path))
        {
            await errors.WriteLineAsync("import needs --path DIR.");
            return 2;
        }

        var owner = await OwnerAsync(services, errors);
        if (owner is null)
        {
            return 1;
        }

        long? categoryId = null;
        if (Options.TryGetValue("category", out var categoryName))
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync();
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
            categoryId = categories.FirstOrDefault(c => string.Equals(c.Name, categoryName, StringComparison.OrdinalIgnoreCase))?.Id;
            if (categoryId is null)
            {
                var known = categories.Count == 0 ? "There are no categories yet." : $"Categories: {string.Join(", ", categories.Select(c => c.Name))}.";
                await errors.WriteLineAsync($"No category '{categoryName}'. {known}");
                return 1;
            }
        }

        var progress = new Progress(output);
        var imported = await services.GetRequiredService<FolderImport>().ImportAsync(owner.Id, path, categoryId, progress);
        if (!imported.TryGetValue(out var files))
        {
            await errors.WriteLineAsync(imported.Error);
            return 1;
        }

        var refused = files.Count(f => !f.Succeeded);
        await output.WriteLineAsync($"Imported {files.Count - refused} of {files.Count} files for {owner.Email}; transcoding runs in the console's background workers.");
        return refused == 0 ? 0 : 1;
    }

    /// <summary>The account named by --owner, or else the one administrator there is.</summary>
    private async Task<MediaUser?> OwnerAsync(IServiceProvider services, TextWriter errors)
    {
        var users = services.GetRequiredService<UserManager<MediaUser>>();
        if (Options.TryGetValue("owner", out var email))
        {
            var named = await users.FindByEmailAsync(email);
            if (named is null)
            {
                await errors.WriteLineAsync($"No account for {email}.");
            }

            return named;
        }

        var administrators = await users.GetUsersInRoleAsync(RoleNames.Administrator);
        if (administrators.Count != 1)
        {
            await errors.WriteLineAsync($"There are {administrators.Count} administrator accounts: name the owner of the imported assets with --owner EMAIL.");
            return null;
        }

        return administrators[0];
    }

    /// <summary>One line per file as it is handed over, so a long import shows how far it got.</summary>
    private sealed class Progress(TextWriter output) : IProgress<ImportedFile>
    {
        public void Report(ImportedFile value) =>
            output.WriteLine(value.Succeeded ? $"ok       {value.RelativePath} -> {value.VideoId}" : $"refused  {value.RelativePath}: {value.Refusal}");
    }
}
