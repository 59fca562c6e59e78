namespace Analytics.Warehouse.Plans;

/// <summary>A plan file that cannot be loaded; the message names the file and, when it applies, the target.</summary>
public sealed class PlanFormatException(string message) : Exception(message);
