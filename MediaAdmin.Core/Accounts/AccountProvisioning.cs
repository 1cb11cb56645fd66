using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using MediaAdmin.Core.Permissions;
using Microsoft.AspNetCore.Identity;

namespace MediaAdmin.Core.Accounts;

/// <summary>The outcome of creating an account: the user and the password it was given, or why it was refused.</summary>
public sealed record ProvisioningResult(MediaUser? User, string? Password, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ProvisioningResult Refused(params string[] errors) => new(null, null, errors);
}

/// <summary>Creates accounts with a role: the bootstrap administrator, demo accounts, and accounts made in the console.</summary>
public sealed class AccountProvisioning(UserManager<MediaUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>Creates an account; with no <paramref name="password"/>, a strong one is generated and returned.</summary>
    public async Task<ProvisioningResult> CreateAsync(string? email, string? role, string? password = null, string? displayName = null)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || !new EmailAddressAttribute().IsValid(email))
        {
            return ProvisioningResult.Refused($"'{email}' is not an e-mail address.");
        }

        if (string.IsNullOrWhiteSpace(role) || await roles.FindByNameAsync(role) is not { Name: { } roleName })
        {
            return ProvisioningResult.Refused($"Role '{role}' does not exist; use one of: {string.Join(", ", RoleNames.Defaults.Keys)}.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return ProvisioningResult.Refused($"An account for {email} already exists.");
        }

        password ??= GeneratePassword();
        var user = new MediaUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return ProvisioningResult.Refused(created.Errors.Select(e => e.Description).ToArray());
        }

        var assigned = await users.AddToRoleAsync(user, roleName);
        if (!assigned.Succeeded)
        {
            // An account without its role is of no use to anyone: take it back.
            await users.DeleteAsync(user);
            return ProvisioningResult.Refused(assigned.Errors.Select(e => e.Description).ToArray());
        }

        return new ProvisioningResult(user, password, []);
    }

    /// <summary>A random password that meets the account rules: 20 characters from four classes.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string symbols = "-_.!@#";
        var all = lower + upper + digits + symbols;
        var chars = new List<char>
        {
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 20)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }
}
