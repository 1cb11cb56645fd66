namespace MediaAdmin.Core.Accounts;

/// <summary>A password made for an account, shown once to the administrator who made it and never stored in clear.</summary>
public sealed record OneTimePassword(string Email, string Password);
