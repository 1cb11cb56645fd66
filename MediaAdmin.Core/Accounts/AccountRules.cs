using Microsoft.AspNetCore.Identity;

namespace MediaAdmin.Core.Accounts;

/// <summary>Identity settings every MediaAdmin host shares.</summary>
public static class AccountRules
{
    public const int MaxFailedSignIns = 5;

    public static TimeSpan LockoutDuration { get; } = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        options.Password.RequiredLength = 10;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
    }
}
