namespace MediaAdmin.Core.Cdn;

/// <summary>The open reminders a caller may see, and whether they may mark them refreshed.</summary>
public sealed record OpenCdnReminders(IReadOnlyList<CdnReminder> Reminders, bool CanMarkRefreshed);
