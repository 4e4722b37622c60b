require "yaml"
require "oj"

class SessionsController < ApplicationController
  def restore
    # ruleid: deserialization/ruby-unsafe-load
    session_data = Marshal.load(Base64.decode64(cookies[:state]))
    # ruleid: deserialization/ruby-unsafe-load
    settings = YAML.load(params[:settings])
    # ruleid: deserialization/ruby-unsafe-load
    legacy = Psych.unsafe_load(request.body.read)
    # ruleid: deserialization/ruby-unsafe-load
    payload = Oj.load(request.raw_post)
    blobs = [cookies[:cart]]
    blobs.each do |blob|
      restore_blob(blob)
    end
    render json: [session_data, settings, legacy, payload]
  end

  def restore_safely
    # ok: deserialization/ruby-unsafe-load
    settings = YAML.safe_load(params[:settings], permitted_classes: [Date])
    # ok: deserialization/ruby-unsafe-load
    payload = Oj.load(request.raw_post, mode: :strict)
    # ok: deserialization/ruby-unsafe-load
    data = JSON.parse(request.raw_post)
    # ok: deserialization/ruby-unsafe-load
    dump = Marshal.dump(data)
    # ok: deserialization/ruby-unsafe-load
    defaults = YAML.load(File.read("config/defaults.yml"))
    render json: [settings, payload, data, dump, defaults]
  end

  private

  def restore_blob(blob)
    # ruleid: deserialization/ruby-unsafe-load
    Marshal.load(Base64.decode64(blob))
  end
end
