using System.Globalization;
using System.Text.Json.Nodes;

namespace TraceExplorer.SampleAgent;

/// <summary>
/// Makes up plausible support conversations about orders. Questions name an order number but never a person,
/// an address or a payment detail: these runs end up in a shared trace store.
/// </summary>
internal sealed class SupportCaseGenerator(Random random)
{
    private const decimal RefundAutoApprovalLimit = 100m;
    private const int ReturnWindowDays = 30;

    private static readonly string[] Carriers = ["DHL", "UPS", "DPD", "PostNL"];
    private static readonly string[] Hubs = ["Leipzig", "Cologne", "Venlo", "Bratislava"];

    public SupportCase Next() => random.Next(4) switch
    {
        0 => OrderStatus(),
        1 => Return(),
        2 => Refund(),
        _ => AddressChange(),
    };

    private SupportCase OrderStatus()
    {
        var orderId = OrderId();
        var carrier = Pick(Carriers);
        var hub = Pick(Hubs);
        var days = random.Next(1, 4);
        return new SupportCase
        {
            Intent = "order_status",
            OrderId = orderId,
            Question = $"Where is my order {orderId}? The tracking page hasn't changed for three days.",
            KbQuery = "tracking not updating parcel in transit",
            DocumentIds = ["kb-shipping-012", "kb-shipping-007"],
            Snippets =
            [
                "Tracking can pause for up to 72 hours while a parcel is sorted at a carrier hub.",
                "Parcels in transit cannot be redirected; the carrier delivers to the address on the order.",
            ],
            Lookup = Lookup(orderId, new JsonObject
            {
                ["order_id"] = orderId,
                ["status"] = "in_transit",
                ["carrier"] = carrier,
                ["last_scan"] = $"{hub} hub",
                ["estimated_delivery_business_days"] = days,
            }),
            Reply = $"Your order {orderId} is on its way with {carrier}; it was last scanned at the {hub} hub. " +
                    $"Tracking often pauses while parcels are sorted, and it should arrive within {days} business day{(days == 1 ? "" : "s")}.",
        };
    }

    private SupportCase Return()
    {
        var orderId = OrderId();
        var deliveredDaysAgo = random.Next(2, 45);
        var inWindow = deliveredDaysAgo <= ReturnWindowDays;
        var returnId = "RMA-" + random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
        return new SupportCase
        {
            Intent = "return_request",
            OrderId = orderId,
            Question = $"I'd like to return the rain jacket from order {orderId}, it's the wrong size.",
            KbQuery = "return policy wrong size return window",
            DocumentIds = ["kb-returns-001", "kb-returns-004"],
            Snippets =
            [
                $"Items can be returned within {ReturnWindowDays} days of delivery for a full refund.",
                "A prepaid return label is emailed as soon as the return is created.",
            ],
            Lookup = Lookup(orderId, new JsonObject
            {
                ["order_id"] = orderId,
                ["status"] = "delivered",
                ["delivered_days_ago"] = deliveredDaysAgo,
                ["items"] = new JsonArray(new JsonObject { ["sku"] = "JKT-2231", ["name"] = "rain jacket", ["quantity"] = 1 }),
            }),
            Gate = inWindow
                ? new AgentDecision("approval", "approved", $"delivered {deliveredDaysAgo} days ago, inside the {ReturnWindowDays}-day return window",
                    "returns.window-30d", "policy-engine", $"order {orderId}")
                : new AgentDecision("policy_block", "blocked", $"delivered {deliveredDaysAgo} days ago, outside the {ReturnWindowDays}-day return window",
                    "returns.window-30d", "policy-engine", $"order {orderId}"),
            Action = inWindow
                ? new PlannedToolCall(
                    "returns.create",
                    new JsonObject { ["order_id"] = orderId, ["sku"] = "JKT-2231", ["reason"] = "wrong_size" }.ToJsonString(),
                    new JsonObject { ["return_id"] = returnId, ["label"] = "emailed", ["refund_on_receipt"] = true }.ToJsonString())
                : null,
            Reply = inWindow
                ? $"I've started return {returnId} for the rain jacket from order {orderId}. A prepaid label is on its way by email, and you'll be refunded once it reaches us."
                : $"I'm sorry, order {orderId} was delivered {deliveredDaysAgo} days ago, which is past our {ReturnWindowDays}-day return window, so I can't start a return for it.",
        };
    }

    private SupportCase Refund()
    {
        var orderId = OrderId();
        var amount = random.Next(1900, 24900) / 100m;
        var text = amount.ToString("0.00", CultureInfo.InvariantCulture);
        var autoApproved = amount <= RefundAutoApprovalLimit;
        var refundId = "RF-" + random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        return new SupportCase
        {
            Intent = "refund_damaged_item",
            OrderId = orderId,
            Question = $"The blender from order {orderId} arrived with a cracked jug. Can I get a refund?",
            KbQuery = "damaged on arrival refund",
            DocumentIds = ["kb-refunds-003", "kb-refunds-009", "kb-returns-001"],
            Snippets =
            [
                "Items damaged on arrival are refunded in full; the customer does not need to send them back.",
                $"Refunds up to {RefundAutoApprovalLimit:0} EUR are approved automatically; larger ones are reviewed by the support lead.",
                "Refunds reach the original payment method within 5 business days.",
            ],
            Lookup = Lookup(orderId, new JsonObject
            {
                ["order_id"] = orderId,
                ["status"] = "delivered",
                ["total"] = new JsonObject { ["amount"] = amount, ["currency"] = "EUR" },
                ["items"] = new JsonArray(new JsonObject { ["sku"] = "BLN-0450", ["name"] = "blender", ["quantity"] = 1 }),
            }),
            Gate = autoApproved
                ? new AgentDecision("approval", "approved", $"refund of {text} EUR is within the {RefundAutoApprovalLimit:0} EUR auto-approval limit",
                    "refunds.auto-approve-100eur", "policy-engine", $"order {orderId}")
                : new AgentDecision("approval", "escalated", $"refund of {text} EUR exceeds the {RefundAutoApprovalLimit:0} EUR auto-approval limit",
                    "refunds.auto-approve-100eur", "policy-engine", "support-lead"),
            Action = autoApproved
                ? new PlannedToolCall(
                    "refunds.issue",
                    new JsonObject { ["order_id"] = orderId, ["amount"] = amount, ["currency"] = "EUR", ["reason"] = "damaged_on_arrival" }.ToJsonString(),
                    new JsonObject { ["refund_id"] = refundId, ["status"] = "pending", ["settles_in_business_days"] = 5 }.ToJsonString())
                : null,
            Reply = autoApproved
                ? $"I'm sorry the blender arrived damaged. I've issued refund {refundId} for {text} EUR on order {orderId}; it will reach your original payment method within 5 business days, and there's no need to send the blender back."
                : $"I'm sorry the blender arrived damaged. Because the refund for order {orderId} is {text} EUR, our support lead reviews it; you'll hear back within one business day.",
        };
    }

    private SupportCase AddressChange()
    {
        var orderId = OrderId();
        var shipped = random.Next(3) == 0;
        return new SupportCase
        {
            Intent = "address_change",
            OrderId = orderId,
            Question = $"Can you change the delivery address on order {orderId}? I've moved to a new flat across town.",
            KbQuery = "change delivery address after order",
            DocumentIds = ["kb-orders-021", "kb-shipping-007"],
            Snippets =
            [
                "The delivery address can be changed until the order is dispatched.",
                "Parcels in transit cannot be redirected; the carrier delivers to the address on the order.",
            ],
            Lookup = Lookup(orderId, new JsonObject
            {
                ["order_id"] = orderId,
                ["status"] = shipped ? "shipped" : "processing",
                ["address_on_file"] = "redacted",
            }),
            Gate = shipped
                ? new AgentDecision("policy_block", "blocked", "order is already dispatched; its address can no longer change",
                    "orders.address-change-before-dispatch", "policy-engine", $"order {orderId}")
                : null,
            // The new address stays in the customer's account; the tool gets a reference, so no address enters a trace.
            Action = shipped
                ? null
                : new PlannedToolCall(
                    "orders.update_address",
                    new JsonObject { ["order_id"] = orderId, ["address_ref"] = "addr_" + random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture) }.ToJsonString(),
                    new JsonObject { ["order_id"] = orderId, ["updated"] = true }.ToJsonString()),
            Reply = shipped
                ? $"Order {orderId} has already left our warehouse, so I can't change its address any more. You can ask the carrier to hold it at a pick-up point from the tracking page."
                : $"Done: order {orderId} will go to the new address saved in your account. It hasn't been dispatched yet, so nothing else changes.",
        };
    }

    private static PlannedToolCall Lookup(string orderId, JsonObject result) =>
        new("orders.lookup", new JsonObject { ["order_id"] = orderId }.ToJsonString(), result.ToJsonString());

    private string OrderId() => (char)('A' + random.Next(6)) + random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);

    private string Pick(string[] values) => values[random.Next(values.Length)];
}
