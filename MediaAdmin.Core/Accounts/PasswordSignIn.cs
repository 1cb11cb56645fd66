using MediaAdmin.Core.Results;
using Microsoft.AspNetCore.Identity;

namespace MediaAdmin.Core.Accounts;

/// <summary>
/// Signs a user in with e-mail and password, telling nothing about an account to someone who does not know
/// its password: an unknown e-mail costs the same password hash as a known one, and "disabled" is said only
/// after the right password. Needs the web host's sign-in manager (cookies), so the web host registers it.
/// </summary>
public sealed class PasswordSignIn(SignInManager<MediaUser> signInManager, UserManager<MediaUser> users, IPasswordHasher<MediaUser> hasher)
{
    /// <summary>What every failed sign-in is told, whether or not the e-mail has an account.</summary>
    public const string WrongEmailOrPassword = "Wrong e-mail or password.";

    /// <summary>
    /// Signs the user in (with a persistent cookie when <paramref name="remember"/>). A problem is
    /// <see cref="ResultStatus.Invalid"/> for a wrong e-mail or password, <see cref="ResultStatus.Conflict"/>
    /// for an account locked after failed attempts, and <see cref="ResultStatus.Forbidden"/> for a disabled account.
    /// </summary>
    public async Task<Result<MediaUser>> SignInAsync(string email, string password, bool remember)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Hashing costs what checking a real password costs, so the time taken does not tell who has an account.
            hasher.HashPassword(new MediaUser(), password);
            return Problem.Invalid(WrongEmailOrPassword);
        }

        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return Problem.Conflict("This account is locked after too many failed sign-ins; try again later.");
        }

        if (!check.Succeeded)
        {
            return Problem.Invalid(WrongEmailOrPassword);
        }

        if (user.IsDisabled)
        {
            // Said plainly to someone who knows the password: they can do nothing about it but ask an administrator.
            return Problem.Forbidden("This account is disabled. Ask an administrator to enable it.");
        }

        await signInManager.SignInAsync(user, remember);
        return user;
    }
}
