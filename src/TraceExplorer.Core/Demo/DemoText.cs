namespace TraceExplorer.Core.Demo;

/// <summary>Customer messages and agent replies for the demo support agents. No personal data: order numbers only.</summary>
internal static class DemoText
{
    private static readonly (string Input, string Output)[] Conversations =
    [
        ("Where is my order {0}? The tracking page hasn't updated since Monday.",
         "Order {0} left our warehouse and is with the carrier; the next scan is expected within 24 hours."),
        ("I was charged twice for order {0}. Can you refund the duplicate payment of {1}?",
         "I found the duplicate charge of {1} on order {0} and issued a refund; it appears in 3-5 business days."),
        ("My package for order {0} arrived damaged. I'd like a replacement, not a refund.",
         "Sorry about that. A replacement for order {0} ships today and a return label is on its way."),
        ("How do I change the delivery address on order {0}? I'm moving this week.",
         "Order {0} has not shipped yet, so I updated the delivery address and sent a confirmation."),
        ("Please cancel order {0}, I ordered the wrong size.",
         "Order {0} is cancelled and the payment of {1} will be released by your bank."),
        ("The discount code didn't apply to order {0}; I paid {1} instead of the sale price.",
         "I applied the discount to order {0} and refunded the difference."),
        ("Can I return part of order {0}? Only one item doesn't fit.",
         "Yes: I started a partial return for order {0}; print the label from the link in your inbox."),
        ("Order {0} says delivered but nothing is at my door.",
         "I opened a carrier investigation for order {0}; if it is not found in 48 hours we reship it."),
    ];

    private static readonly string[] Apologies =
    [
        "I'm sorry, I couldn't reach the order system just now. A teammate will follow up on order {0} by e-mail.",
        "Something went wrong while looking up order {0}. Please try again in a few minutes.",
    ];

    private static readonly string[] ComplaintTexts =
    [
        "The assistant said it couldn't find my order and then stopped answering.",
        "I got a generic reply that didn't answer my question.",
        "Took forever and then told me to try again later.",
        "The bot asked me for the order number three times.",
        "Reply was cut off and made no sense.",
        "It promised a refund that never arrived.",
    ];

    public static (string Input, string Output) Conversation(Random random, string orderId, string amount)
    {
        var (input, output) = Conversations[random.Next(Conversations.Length)];
        return (string.Format(input, orderId, amount), string.Format(output, orderId, amount));
    }

    public static string Apology(Random random, string orderId) =>
        string.Format(Apologies[random.Next(Apologies.Length)], orderId);

    public static string Complaint(Random random) => ComplaintTexts[random.Next(ComplaintTexts.Length)];
}
