using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceExplorer.Storage.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValidationSchema",
                table: "rollup_step_days",
                type: "TEXT",
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
