using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceExplorer.Storage.PostgresMigrations.Migrations
{
    /// <inheritdoc />
    public partial class StepRollupSchemas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hours rolled up before steps kept the schema they checked are rolled up again (the reports read their steps meanwhile).
            migrationBuilder.Sql("DELETE FROM rollup_hours;");

            migrationBuilder.AddColumn<string>(
                name: "ValidationSchema",
                table: "rollup_step_hours",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValidationSchema",
                table: "rollup_step_days",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ValidationSchema",
                table: "rollup_step_hours");

            migrationBuilder.DropColumn(
                name: "ValidationSchema",
                table: "rollup_step_days");
        }
    }
}
