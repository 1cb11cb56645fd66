using MediaAdmin.Core.Accounts;

namespace MediaAdmin.Web.Cli;

/// <summary>Bootstraps accounts, above all the first administrator of a production install.</summary>
internal sealed class CreateUserVerb(IReadOnlyDictionary<string, string> options) : CliVerb(options)
{
    protected override IReadOnlySet<string> AllowedOptions { get; } = new HashSet<string> { "email", "role", "password", "name" };

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (!Options.TryGetValue("email", out var email) || !Options.TryGetValue("role", out var role))
        {
            await errors.WriteLineAsync("create-user needs --email and --role.");
            return 2;
        }

        var result = await services.GetRequiredService<AccountProvisioning>().CreateAsync(
            email, role, Options.GetValueOrDefault("password"), Options.GetValueOrDefault("name"));
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await errors.WriteLineAsync(error);
            }

            return 1;
        }

        await output.WriteLineAsync($"Created {result.User!.Email} with role {role}.");
        if (!Options.ContainsKey("password"))
        {
            await output.WriteLineAsync($"Password: {result.Password}");
        }

        return 0;
    }
}
