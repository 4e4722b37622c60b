class UsersController < ApplicationController
  def search
    # ruleid: sql-injection/ruby-interpolated-sql
    users = User.where("name = '#{params[:name]}'")
    # ruleid: sql-injection/ruby-interpolated-sql
    admins = User.find_by_sql("SELECT * FROM users WHERE role = '" + params[:role] + "'")
    # ruleid: sql-injection/ruby-interpolated-sql
    sorted = User.order("#{params[:sort]} ASC")
    # ruleid: sql-injection/ruby-interpolated-sql
    ActiveRecord::Base.connection.execute("DELETE FROM sessions WHERE user_id = #{params[:id]}")
    # ruleid: sql-injection/ruby-interpolated-sql
    rows = User.where("email LIKE '%s'" % params[:q])
    render json: [users, admins, sorted, rows]
  end

  def search_safely
    # ok: sql-injection/ruby-interpolated-sql
    users = User.where("name = ?", params[:name])
    # ok: sql-injection/ruby-interpolated-sql
    admins = User.where(role: params[:role])
    # ok: sql-injection/ruby-interpolated-sql
    sorted = User.order(created_at: :desc)
    # ok: sql-injection/ruby-interpolated-sql
    recent = User.find_by_sql(["SELECT * FROM users WHERE created_at > ?", 1.week.ago])
    # ok: sql-injection/ruby-interpolated-sql
    count = ActiveRecord::Base.connection.select_value("SELECT COUNT(*) FROM users")
    # ok: sql-injection/ruby-interpolated-sql
    label = names.select { |n| n.start_with?("#{params[:prefix]}") }
    render json: [users, admins, sorted, recent, count, label]
  end
end
