using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.AccessKeys;
using Microsoft.AspNetCore.Identity;

namespace MediaAdmin.Web.Cli;

/// <summary>Prints a new AccessKey pair for an account, for scripts and automation.</summary>
internal sealed class CreateAccessKeyVerb(IReadOnlyDictionary<string, string> options) : CliVerb(options)
{
    protected override IReadOnlySet<string> AllowedOptions { get; } = new HashSet<string> { "email" };

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (!Options.TryGetValue("email", out var email))
        {
            await errors.WriteLineAsync("create-accesskey needs --email.");
            return 2;
        }

        var user = await services.GetRequiredService<UserManager<MediaUser>>().FindByEmailAsync(email);
        if (user is null)
        {
            await errors.WriteLineAsync($"No account for {email}.");
            return 1;
        }

        // The command line acts as the account itself: same limits as the console (two keys at most).
        var created = await services.GetRequiredService<AccessKeyService>().CreateAsync(user.Id, user.Id);
        if (!created.TryGetValue(out var key))
        {
            await errors.WriteLineAsync(created.Error);
            return 1;
        }

        await output.WriteLineAsync($"AccessKeyId: {key.Id}");
        await output.WriteLineAsync($"AccessKeySecret: {key.Secret}");
        await output.WriteLineAsync("The secret is shown only now; store it safely.");
        return 0;
    }
}
